"""Interface strings of the console in English, Polish and Spanish (one key set for all)."""
from __future__ import annotations

from typing import Callable

LANGS = ("en", "pl", "es")
LANG_NAMES = {"en": "English", "pl": "Polski", "es": "Español"}

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "app": "Counselor console", "skip": "Skip to content", "nav": "Main navigation",
        "queue": "Queue", "dashboard": "Dashboard", "supervisor": "Supervisor", "admin": "Administration",
        "mine": "My conversations", "logout": "Sign out", "language": "Interface language", "save": "Save",
        "login": "Sign in", "username": "Username", "password": "Password", "login_failed": "Wrong username or password.",
        "locked": "Too many failed attempts. The account is locked for a while; try again later or ask an administrator.",
        "limited": "Too many attempts from this device. Wait a few minutes.",
        "bad_request": "The form expired. Please try again.",
        "totp_title": "Second factor", "totp_code": "6-digit code from your authenticator app, or a recovery code",
        "totp_wrong": "That code is not valid (each code works once).", "verify": "Verify",
        "enrol_title": "Set up your second factor",
        "enrol_help": "Scan this QR code with an authenticator app (or type the key), then enter the 6-digit code it shows.",
        "enrol_key": "Key", "recovery_title": "Recovery codes",
        "recovery_help": "Each code signs you in once if you lose your phone. Store them safely now: they are shown only this once.",
        "continue": "Continue", "change_title": "Choose your own password",
        "change_help": "The password you were given works only once. Choose a new one (at least 12 characters).",
        "new_password": "New password", "repeat_password": "Repeat the new password", "mismatch": "The two passwords differ.",
        "accounts": "Accounts", "add_account": "Add an account", "display_name": "Name", "role": "Role",
        "role_counselor": "counselor", "role_supervisor": "supervisor", "role_admin": "administrator",
        "status": "Status", "active": "active", "disabled": "disabled", "enrolled": "second factor set up",
        "not_enrolled": "second factor not set up", "disable": "Disable", "enable": "Enable",
        "reset_password": "Reset password", "reset_2fa": "Reset second factor", "change_role": "Change role",
        "duty_hours": "On-duty hours", "duty_help": "e.g. mon 08:00-16:00, tue 08:00-16:00",
        "one_time": "One-time password for {user} (shown once, give it in person):",
        "break_glass_log": "Break-glass and monitor reads", "when": "When", "who": "Who", "what": "What", "reason": "Reason",
        "events": "Account events", "none_yet": "Nothing yet.",
        "counts": "Counts only; no message text.", "forbidden": "You may not do this.", "not_found": "Not found.",
        "signed_in_as": "Signed in as {name} ({role})",
    },
    "pl": {
        "app": "Konsola konsultanta", "skip": "Przejdź do treści", "nav": "Nawigacja główna",
        "queue": "Kolejka", "dashboard": "Pulpit", "supervisor": "Superwizor", "admin": "Administracja",
        "mine": "Moje rozmowy", "logout": "Wyloguj", "language": "Język interfejsu", "save": "Zapisz",
        "login": "Zaloguj", "username": "Nazwa użytkownika", "password": "Hasło", "login_failed": "Błędna nazwa użytkownika lub hasło.",
        "locked": "Zbyt wiele nieudanych prób. Konto jest na chwilę zablokowane; spróbuj później lub poproś administratora.",
        "limited": "Zbyt wiele prób z tego urządzenia. Odczekaj kilka minut.",
        "bad_request": "Formularz wygasł. Spróbuj ponownie.",
        "totp_title": "Drugi składnik", "totp_code": "6-cyfrowy kod z aplikacji uwierzytelniającej albo kod odzyskiwania",
        "totp_wrong": "Ten kod jest nieprawidłowy (każdy kod działa raz).", "verify": "Sprawdź",
        "enrol_title": "Skonfiguruj drugi składnik",
        "enrol_help": "Zeskanuj kod QR aplikacją uwierzytelniającą (lub wpisz klucz), a potem wpisz 6-cyfrowy kod.",
        "enrol_key": "Klucz", "recovery_title": "Kody odzyskiwania",
        "recovery_help": "Każdy kod pozwala zalogować się raz, gdy zgubisz telefon. Zapisz je teraz w bezpiecznym miejscu: są pokazywane tylko raz.",
        "continue": "Dalej", "change_title": "Ustaw własne hasło",
        "change_help": "Otrzymane hasło działa tylko raz. Wybierz nowe (co najmniej 12 znaków).",
        "new_password": "Nowe hasło", "repeat_password": "Powtórz nowe hasło", "mismatch": "Hasła się różnią.",
        "accounts": "Konta", "add_account": "Dodaj konto", "display_name": "Imię i nazwisko", "role": "Rola",
        "role_counselor": "konsultant", "role_supervisor": "superwizor", "role_admin": "administrator",
        "status": "Stan", "active": "aktywne", "disabled": "wyłączone", "enrolled": "drugi składnik ustawiony",
        "not_enrolled": "drugi składnik nieustawiony", "disable": "Wyłącz", "enable": "Włącz",
        "reset_password": "Resetuj hasło", "reset_2fa": "Resetuj drugi składnik", "change_role": "Zmień rolę",
        "duty_hours": "Godziny dyżuru", "duty_help": "np. mon 08:00-16:00, tue 08:00-16:00",
        "one_time": "Jednorazowe hasło dla {user} (pokazane raz, przekaż osobiście):",
        "break_glass_log": "Odczyty awaryjne i podglądy", "when": "Kiedy", "who": "Kto", "what": "Co", "reason": "Powód",
        "events": "Zdarzenia kont", "none_yet": "Jeszcze nic.",
        "counts": "Tylko liczby; bez treści wiadomości.", "forbidden": "Nie możesz tego zrobić.", "not_found": "Nie znaleziono.",
        "signed_in_as": "Zalogowano jako {name} ({role})",
    },
    "es": {
        "app": "Consola de orientadores", "skip": "Saltar al contenido", "nav": "Navegación principal",
        "queue": "Cola", "dashboard": "Panel", "supervisor": "Supervisión", "admin": "Administración",
        "mine": "Mis conversaciones", "logout": "Cerrar sesión", "language": "Idioma de la interfaz", "save": "Guardar",
        "login": "Iniciar sesión", "username": "Usuario", "password": "Contraseña", "login_failed": "Usuario o contraseña incorrectos.",
        "locked": "Demasiados intentos fallidos. La cuenta está bloqueada un tiempo; inténtalo más tarde o pide ayuda a un administrador.",
        "limited": "Demasiados intentos desde este dispositivo. Espera unos minutos.",
        "bad_request": "El formulario caducó. Inténtalo de nuevo.",
        "totp_title": "Segundo factor", "totp_code": "Código de 6 cifras de tu aplicación de autenticación, o un código de recuperación",
        "totp_wrong": "Ese código no es válido (cada código sirve una vez).", "verify": "Verificar",
        "enrol_title": "Configura tu segundo factor",
        "enrol_help": "Escanea este código QR con una aplicación de autenticación (o escribe la clave) y luego introduce el código de 6 cifras.",
        "enrol_key": "Clave", "recovery_title": "Códigos de recuperación",
        "recovery_help": "Cada código permite entrar una vez si pierdes el teléfono. Guárdalos ahora en un lugar seguro: solo se muestran esta vez.",
        "continue": "Continuar", "change_title": "Elige tu propia contraseña",
        "change_help": "La contraseña que recibiste sirve una sola vez. Elige una nueva (al menos 12 caracteres).",
        "new_password": "Nueva contraseña", "repeat_password": "Repite la nueva contraseña", "mismatch": "Las contraseñas no coinciden.",
        "accounts": "Cuentas", "add_account": "Añadir una cuenta", "display_name": "Nombre", "role": "Rol",
        "role_counselor": "orientador", "role_supervisor": "supervisor", "role_admin": "administrador",
        "status": "Estado", "active": "activa", "disabled": "desactivada", "enrolled": "segundo factor configurado",
        "not_enrolled": "segundo factor sin configurar", "disable": "Desactivar", "enable": "Activar",
        "reset_password": "Restablecer contraseña", "reset_2fa": "Restablecer segundo factor", "change_role": "Cambiar rol",
        "duty_hours": "Horario de guardia", "duty_help": "p. ej. mon 08:00-16:00, tue 08:00-16:00",
        "one_time": "Contraseña de un solo uso para {user} (se muestra una vez, entrégala en persona):",
        "break_glass_log": "Lecturas de emergencia y supervisión", "when": "Cuándo", "who": "Quién", "what": "Qué", "reason": "Motivo",
        "events": "Eventos de cuentas", "none_yet": "Nada todavía.",
        "counts": "Solo recuentos; sin texto de mensajes.", "forbidden": "No puedes hacer esto.", "not_found": "No encontrado.",
        "signed_in_as": "Sesión de {name} ({role})",
    },
}


def translator(lang: str) -> Callable[..., str]:
    table = STRINGS.get(lang, STRINGS["en"])

    def t(key: str, **values: str) -> str:
        text = table.get(key) or STRINGS["en"].get(key) or key
        return text.format(**values) if values else text

    return t


def pick(accept_language: str | None, wanted: str | None = None) -> str:
    """``wanted`` if supported, else the first supported language in Accept-Language, else en."""
    if wanted in LANGS:
        return str(wanted)
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return "en"
