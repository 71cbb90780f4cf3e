"""The labelled set the similarity engine is measured on is sound: every description could have
come through the gap form, and the groups are shaped as the evaluation expects."""

import importlib
import re
from collections import Counter

import pytest

from pei_workflow.choices import AgeBand, Barrier
from pei_workflow.models.submissions import FREE_TEXT_MAX_LENGTH
from pei_workflow.text_checks import identifying_details_in
from tests.pei_workflow.similarity_set import ALL_GROUPS, DEV_GROUPS, HELD_OUT_GROUPS

GROUP_SIZE = 6
MIN_GROUPS_PER_FILE = 20
STARTER_THEMES = {
    name
    for name, _ in importlib.import_module(
        "pei_workflow.migrations.0005_starter_themes"
    ).STARTER_THEMES
}

NEEDS = [(group, need) for group in ALL_GROUPS for need in group.needs]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences_of(text: str) -> set[str]:
    """The sentences of a text, compared without case, spacing or closing punctuation."""
    return {
        " ".join(sentence.lower().split()).rstrip(".!?")
        for sentence in _SENTENCE_END.split(text)
        if sentence.strip()
    }


def description(need) -> str:
    return " ".join(text for text in need.texts if text)


def test_each_file_holds_at_least_twenty_groups_of_six():
    assert len(DEV_GROUPS) >= MIN_GROUPS_PER_FILE
    assert len(HELD_OUT_GROUPS) >= MIN_GROUPS_PER_FILE
    assert [group.key for group in ALL_GROUPS if len(group.needs) != GROUP_SIZE] == []


def test_group_keys_are_unique_slugs():
    keys = [group.key for group in ALL_GROUPS]
    assert [key for key, count in Counter(keys).items() if count > 1] == []
    assert [key for key in keys if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", key)] == []


@pytest.mark.parametrize(("group", "need"), NEEDS, ids=lambda value: getattr(value, "key", ""))
def test_every_description_passes_the_gap_forms_anonymity_guard(group, need):
    """The form checks each free-text answer for every kind of identifying detail."""
    found = {
        text: [finding.kind for finding in identifying_details_in(text)] for text in need.texts
    }
    assert {text: kinds for text, kinds in found.items() if kinds} == {}


def test_every_description_fits_the_form():
    """The need and what was tried are required and within the form's length; as on the form,
    more about the barrier is there exactly when the barrier is "Something else"."""
    too_long = [
        text for _, need in NEEDS for text in need.texts if len(text) > FREE_TEXT_MAX_LENGTH
    ]
    missing = [
        group.key for group, need in NEEDS if not need.unmet_need or not need.what_has_been_tried
    ]
    wrong_detail = [
        (group.key, need.unmet_need[:40])
        for group, need in NEEDS
        if bool(need.barrier_detail) != (need.barrier == Barrier.OTHER)
    ]
    assert (too_long, missing, wrong_detail) == ([], [], [])


def test_barriers_age_bands_and_themes_are_the_forms_values():
    bad = [
        (group.key, need.barrier, need.age_band, need.themes)
        for group, need in NEEDS
        if need.barrier not in Barrier.values
        or need.age_band not in AgeBand.values
        or not set(need.themes) <= STARTER_THEMES
        or len(need.themes) > 2
        or len(set(need.themes)) != len(need.themes)
    ]
    assert bad == []


def test_no_description_appears_twice():
    counts = Counter(description(need) for _, need in NEEDS)
    assert [text for text, count in counts.items() if count > 1] == []
    unmet = Counter(need.unmet_need for _, need in NEEDS)
    assert [text for text, count in unmet.items() if count > 1] == []


@pytest.mark.parametrize("group", ALL_GROUPS, ids=lambda group: group.key)
def test_no_two_descriptions_in_a_group_share_a_sentence(group):
    """Each description is written afresh, so matching a repeated sentence proves nothing."""
    seen: dict[str, int] = {}
    shared = []
    for index, need in enumerate(group.needs):
        for sentence in set().union(*(sentences_of(text) for text in need.texts if text)):
            if sentence in seen and seen[sentence] != index:
                shared.append(sentence)
            seen.setdefault(sentence, index)
    assert shared == []


@pytest.mark.parametrize("group", ALL_GROUPS, ids=lambda group: group.key)
def test_a_group_varies_as_real_forms_do(group):
    """Cases of one need differ in what the structured fields say, as real forms do: no group
    has one barrier or one set of themes throughout."""
    needs = group.needs
    assert len({need.barrier for need in needs}) > 1
    assert len({need.themes for need in needs}) > 1


@pytest.mark.parametrize(
    ("groups", "group"),
    [(groups, group) for groups in (DEV_GROUPS, HELD_OUT_GROUPS) for group in groups],
    ids=lambda value: getattr(value, "key", ""),
)
def test_every_group_has_a_hard_negative_in_its_own_file(groups, group):
    """Another group in the same file shares one of its themes and one of its barriers, so
    the engine is scored against needs that the structured fields alone would confuse."""
    themes = {theme for need in group.needs for theme in need.themes}
    barriers = {need.barrier for need in group.needs}
    neighbours = [
        other.key
        for other in groups
        if other is not group
        and themes & {theme for need in other.needs for theme in need.themes}
        and barriers & {need.barrier for need in other.needs}
    ]
    assert neighbours
