import pytest
from wagtail.blocks import StreamBlockValidationError

from guidance_pages.blocks import FlowchartStreamBlock, GuidanceStreamBlock


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def test_two_headings_with_the_same_words_are_refused():
    """Heading anchors come from their words, so repeated words would repeat an id."""
    block = GuidanceStreamBlock()
    value = block.normalize([heading("What happens next"), heading("What happens next!")])
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(value)
    assert "Used more than once" in str(error.value.non_block_errors)


def test_headings_with_different_words_are_accepted():
    """Different headings pass."""
    block = GuidanceStreamBlock()
    block.clean(block.normalize([heading("Before you start"), heading("After you send it")]))


def step(key, **extra):
    return ("box", {"key": key, "title": "A step", "text": "", "next": "", **extra})


@pytest.mark.parametrize("key", ["EIDO review", "eido_review", "-start", "a--b", ""])
def test_a_flowchart_key_must_be_lower_case_words_joined_by_hyphens(key):
    """Keys become element ids, so they keep to a safe shape."""
    block = FlowchartStreamBlock()
    with pytest.raises(StreamBlockValidationError):
        block.clean(block.normalize([step(key)]))


def test_a_flowchart_step_pointing_at_a_missing_key_is_refused():
    """Every 'next' must name an existing step."""
    block = FlowchartStreamBlock()
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(block.normalize([step("start", next="nowhere")]))
    assert "nowhere" in str(error.value.non_block_errors)
