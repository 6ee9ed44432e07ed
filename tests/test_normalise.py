"""Formatted text becomes the prose a reader sees: Markdown markers, hard wraps, page furniture."""

from __future__ import annotations

from ics_assistant.ingest.normalise import (
    is_hard_wrapped,
    join_pages,
    markdown_to_text,
    plain_text_prose,
    strip_page_furniture,
    unwrap,
)


def test_markdown_headings_lists_emphasis_links_and_tables() -> None:
    md = (
        "# The plan\n\n**Bold intro** with a [link](http://x.example).\n\n## Steps\n\n"
        "1. First step\n2. Second step\n\n| Area | People |\n|---|---|\n| North | 10 |\n| South | 20 |\n"
    )
    text = markdown_to_text(md)
    assert text == (
        "The plan\n\nBold intro with a link.\n\nSteps\n\nFirst step\nSecond step\n\n"
        "Area\tPeople\nNorth\t10\nSouth\t20\n"
    )
    assert "#" not in text and "*" not in text and "](" not in text


def test_running_headers_and_page_numbers_are_dropped_but_table_numbers_kept() -> None:
    pages = [
        "Acme Board\nAnnual Summary\nPage 1\nWe met 3 of 4 targets.\nTarget\n0\n38\nMore.\nStill more.\nEnd.",
        "Acme Board\nAnnual Summary\nPage 2\nSpending rose.\n2",
    ]
    out = strip_page_furniture(pages)
    assert out[0] == "We met 3 of 4 targets.\nTarget\n0\n38\nMore.\nStill more.\nEnd."
    assert out[1] == "Spending rose."


def test_unwrap_joins_wrapped_sentences_and_repairs_hyphenation_from_the_document() -> None:
    text = (
        "The board agreed a new plan for community services in the whole of the\n"
        "county, which will start in April. It expects the number of people waiting to\n"
        "fall by a third. The plan supports well-\n"
        "being and better co-ordi-\n"
        "nation of care, and coordination is reviewed each year by the partnership.\n"
        "Short heading\n"
        "Next paragraph starts here."
    )
    out = unwrap(text)
    assert "whole of the county, which" in out
    assert "waiting to fall by a third" in out
    assert "well-being" in out  # "wellbeing" never occurs in the document: the hyphen is kept
    assert "co-ordination" in out or "coordination of care" in out
    assert "\nShort heading\nNext paragraph starts here." in out


def test_a_word_broken_at_the_margin_is_rejoined_when_english_has_it_whole() -> None:
    text = (
        "From December we will open three acute respi-\n"
        "ratory infection hubs for people with coughs and chest infections who\n"
        "need to be seen on the same day, and we will support people's well-\n"
        "being with a long-\n"
        "term plan for the whole of the county and its many villages and towns.\n"
    )
    out = unwrap(text)
    assert "acute respiratory infection hubs" in out
    assert "well-being" in out and "long-term" in out  # "well" and "long" are commoner than the joins


def test_a_wrapped_list_item_hangs_indented_and_a_line_at_the_margin_ends_the_list() -> None:
    text = (
        "Treatment at the community clinic is offered without charge when you are:\n"
        "- under 18\n"
        "- receiving certain benefits, such as the housing payment or the income-based\n"
        "  support allowance paid by the council to families in the district\n"
        "Everyone else pays the standard national charges set by the department.\n"
        "- a carer whose own doctor has referred you to the clinic for a review of\n"
        "treatment that started before the new arrangements came into force.\n"
    )
    lines = unwrap(text).splitlines()
    assert "such as the housing payment or the income-based support allowance" in lines[2]
    assert lines[2].endswith("families in the district")
    assert lines[3] == "Everyone else pays the standard national charges set by the department."
    assert lines[4].endswith("review of treatment that started before the new arrangements came into force.")


def test_plain_text_with_one_paragraph_per_line_is_unchanged() -> None:
    text = "A first paragraph that is long enough to be a real paragraph of text.\n\nShort.\n" * 5
    assert not is_hard_wrapped(text)
    assert plain_text_prose(text) == text


def test_hard_wrapped_text_export_loses_page_lines_and_headers() -> None:
    line = "word " * 13
    body = "\n".join(f"{line}number {i} carries on" for i in range(6))
    text = (
        f"Acme Plan 2026\n{body}\nends here.\nPage 1 of 2\nAcme Plan 2026\n{body}\nends too.\nPage 2 of 2\n"
    )
    assert is_hard_wrapped(text)
    out = plain_text_prose(text)
    assert "Page 1" not in out and "Acme Plan 2026" not in out
    assert "carries on word" in out  # wrapped lines joined into one paragraph


def test_unwrap_stays_linear_on_a_megabyte_paragraph() -> None:
    import time

    words = ["integrated", "care", "system", "board", "partner", "place"]
    lines = [" ".join(words[(i + j) % 6] for j in range(11)) + " and" for i in range(12_000)]
    text = "\n".join(lines)  # about 1 MB wrapped at ~75 characters, never ending a sentence
    started = time.perf_counter()
    out = unwrap(text)
    assert time.perf_counter() - started < 10  # minutes when each join re-read the whole line
    assert out == " ".join(lines)


def test_a_pdf_bullet_glyph_on_its_own_line_starts_an_item_and_items_end_as_plain_lines() -> None:
    from ics_assistant.ingest.normalise import drop_bullet_marks, join_bullet_glyphs

    text = (
        "The board of the integrated care board met in public on 14 May at the Civic Hall, Eskbridge.\n"
        "It agreed to:\n \x7f\n"
        "expand the virtual ward from 64 to 80 beds by March, at a cost of £1.6 million a\n"
        "year\n\x7f\n"
        "award a five-year contract for non-emergency patient transport to Moorside\n"
        "Patient Transport, worth £14.7 million, starting on 1 October next year\n"
        "\u2022\n"
        "continue funding the physiotherapy service\n"
        "The board meets in public every two months. Members of the public can ask questions.\n"
    )
    lines = drop_bullet_marks(unwrap(join_bullet_glyphs(text))).splitlines()
    assert lines[1] == "It agreed to:"
    assert lines[2] == "expand the virtual ward from 64 to 80 beds by March, at a cost of £1.6 million a year"
    # an item on its first line that ran to the margin carries on, whatever the case of the next line
    assert lines[3].endswith(
        "to Moorside Patient Transport, worth £14.7 million, starting on 1 October next year"
    )
    assert lines[4] == "continue funding the physiotherapy service"
    assert lines[5].startswith("The board meets")
    assert "\x7f" not in "".join(lines) and "•" not in "".join(lines)


def test_a_sentence_or_a_list_running_over_a_page_break_is_joined_again() -> None:
    pages = [
        "4. You will agree a care plan.\n5. You can start guided self-help, with a",
        "practitioner supporting you for up to 8 sessions.\n6. You may be offered talking therapy.",
        "Section 4: Who will be in the team",
    ]
    text = join_pages(pages)
    assert "self-help, with a practitioner supporting you" in text  # one sentence again
    assert "8 sessions.\n6. You may" in text
    # a page that ends a sentence and starts a heading stays a paragraph apart
    assert "talking therapy.\n\nSection 4" in text
    assert join_pages(["1. First step.", "2. Second step."]) == "1. First step.\n2. Second step."
