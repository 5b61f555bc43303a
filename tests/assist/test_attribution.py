"""Attribution suggestions: cue, source, content and chain read from the patterns news uses."""

from __future__ import annotations

from workbench.assist import AttributionSuggestion, KnownName, suggest_attributions


def _only(text: str, **options: object) -> AttributionSuggestion:
    found = suggest_attributions(text, **options)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


def _words(text: str, span: object) -> str | None:
    return None if span is None else text[span.start : span.end]  # type: ignore[attr-defined]


def test_quotation_then_speaker() -> None:
    """“…,” she said: the quotation is the content, the pronoun the source."""
    text = "“We will not back down,” she said."
    found = _only(text)
    assert (_words(text, found.cue), _words(text, found.source)) == ("said", "she")
    assert _words(text, found.content) == "We will not back down"


def test_speaker_named_after_the_cue_with_description() -> None:
    """“…,” said Jim Rich, a former editor: the speaker is named after the cue, description kept."""
    text = "“There are a lot of stories,” said Jim Rich, a former editor of the Daily News."
    found = _only(text)
    assert _words(text, found.source) == "Jim Rich, a former editor of the Daily News"
    assert found.chain[0].kind_guess == "person"


def test_reported_speech_after_the_speaker() -> None:
    """X told Reuters that …: the cue includes whom it was told, the content has no 'that'."""
    text = "Sources told Reuters that the leadership is unhappy."
    found = _only(text, outlet="Deftechtimes")
    assert _words(text, found.cue) == "told Reuters"
    assert _words(text, found.content) == "the leadership is unhappy"
    assert found.anonymous
    assert [(hop.name, hop.role) for hop in found.chain] == [
        ("Sources", "speaker"),
        ("Reuters", "reported by"),
        ("Deftechtimes", "published by"),
    ]


def test_according_to_before_and_after_the_content() -> None:
    """'According to X, …' and '…, according to X' both give X as the source."""
    first = "According to the ministry, the talks failed."
    second = "The talks failed, according to the ministry."
    for text in (first, second):
        found = _only(text)
        assert _words(text, found.source) == "the ministry"
        assert _words(text, found.content) == "The talks failed" or (
            _words(text, found.content) == "the talks failed"
        )
        assert found.chain[0].kind_guess == "government body"


def test_content_before_the_speaker() -> None:
    """'…, the minister said.': the clause before the comma is what was said."""
    text = "The economy grew by two percent, the minister said."
    found = _only(text)
    assert _words(text, found.content) == "The economy grew by two percent"
    assert _words(text, found.source) == "the minister"


def test_quotation_across_a_sentence_break() -> None:
    """A quotation of two sentences is one content, up to its closing mark."""
    text = "He said: “We tried. It did not work.” Then he left."
    found = _only(text)
    assert _words(text, found.content) == "We tried. It did not work"


def test_speech_continued_in_the_next_paragraph() -> None:
    """A speech that goes on in a quoted paragraph is proposed again under the same cue."""
    text = 'Judge Ford said: "There was no malice.\n\n"You knew the dangers."\n\nThe court rose.'
    found = suggest_attributions(text)
    assert [_words(text, item.content) for item in found] == [
        "There was no malice",
        "You knew the dangers",
    ]
    assert {_words(text, item.cue) for item in found} == {"said"}


def test_no_attribution_inside_a_quotation_or_a_passive() -> None:
    """'said' inside quoted words, 'is said to', 'to say' and 'would think' propose nothing."""
    for text in (
        "“He said nothing,” was all she wrote down.",
        "The bridge is said to be unsafe.",
        "It is fair to say the plan failed.",
        "Most people would think the plan failed.",
    ):
        assert [
            _words(text, item.cue)
            for item in suggest_attributions(text)
            if _words(text, item.cue) in ("said", "say", "would think", "think")
        ] == [], text


def test_pronoun_read_as_the_person_named_before() -> None:
    """'he said' after 'Vladimir Putin has…' proposes Vladimir Putin as the speaker."""
    text = "Russian President Vladimir Putin has been cautious. He said that Moscow would mediate."
    found = _only(text)
    assert _words(text, found.source) == "He"
    assert found.chain[0].name == "Vladimir Putin"
    assert "read as Vladimir Putin" in found.reason


def test_source_resolved_against_known_names_and_aliases() -> None:
    """'The Kremlin confirmed …' resolves to the project's Source by its alias."""
    kremlin = KnownName("Kremlin", "source", 7, "Presidential Administration", "government body")
    text = "The Kremlin confirmed the meeting."
    found = _only(text, known=[kremlin])
    assert found.chain[0].known == kremlin
    assert found.chain[0].name == "Presidential Administration"
    assert found.chain[0].role == "confirmed by"


def test_fuzzy_match_needs_a_shared_name_word() -> None:
    """'Iranian officials' is not matched to a known 'Iran' (rapidfuzz would score it high)."""
    iran = KnownName("Iran", "actor", 3, "Iran", "state")
    found = _only("Iranian officials have indicated that they are unhappy.", known=[iran])
    assert found.chain[0].known is None
    assert found.chain[0].kind_guess == "unnamed sources"


def test_confidence_and_reason_for_each_suggestion() -> None:
    """Each suggestion has a confidence between 0 and 1 and a one-line reason naming the cue."""
    text = "“It works,” said the engineer. The company said that sales rose."
    found = suggest_attributions(text)
    assert len(found) == 2
    for item in found:
        assert 0 < item.confidence <= 1
        assert "\n" not in item.reason and "said" in item.reason


def test_said_to_someone_and_said_on_a_weekday() -> None:
    """'said to reporters' is a cue with its audience; 'said Thursday that' drops the day."""
    text = "She said to reporters that it was over. He said Thursday that the plan failed."
    found = suggest_attributions(text)
    assert [(_words(text, item.cue), _words(text, item.content)) for item in found] == [
        ("said to reporters", "it was over"),
        ("said", "the plan failed"),
    ]
