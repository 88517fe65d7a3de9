"""What every console service function needs: the storage (engine + key provider), the
console's derived keys, the settings and a clock (tests move it instead of sleeping)."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy.engine import Engine

from bot.console.secrets import ConsoleKeys
from bot.storage.runtime import Storage
from core.settings import Settings


@dataclass
class Console:
    storage: Storage
    clock: Callable[[], float] = time.time
    keys: ConsoleKeys = field(init=False)

    def __post_init__(self) -> None:
        self.keys = ConsoleKeys(self.storage.keys)

    @property
    def engine(self) -> Engine:
        return self.storage.engine

    @property
    def settings(self) -> Settings:
        return self.storage.settings

    def now(self) -> float:
        return self.clock()
