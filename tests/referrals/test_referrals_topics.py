from core.signals import SIGNALS
from referrals.topics import TOPICS, check_topic, topics_for_signal


def test_every_signal_maps_to_known_topics() -> None:
    for signal in SIGNALS:
        assert set(topics_for_signal(signal)) <= set(TOPICS)


def test_help_signals_have_topics_and_quiet_signals_none() -> None:
    assert topics_for_signal("abuse_disclosure") == ["abuse", "domestic_violence", "sexual_violence"]
    assert topics_for_signal("self_harm") == ["self_harm", "mental_health"]
    assert topics_for_signal("bullying") == ["bullying"]
    assert topics_for_signal("online_exploitation") == ["online_safety", "sexual_violence"]
    assert topics_for_signal("none") == []
    assert topics_for_signal("not_safe") == []
    assert topics_for_signal(None) == []
    assert topics_for_signal("no_such_signal") == []


def test_check_topic_normalises_partner_spellings() -> None:
    assert check_topic("LGBTQ+") == "lgbtq"
    assert check_topic("Domestic violence") == "domestic_violence"
    assert check_topic("self-harm") == "self_harm"
