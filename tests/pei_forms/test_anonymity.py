"""The anonymity guard refuses identifying details and lets ordinary casework text through."""

import dataclasses

import pytest
from django.core.exceptions import ValidationError

from pei_workflow.anonymity import (
    CASE_SYSTEM_ID,
    DATE_OF_BIRTH,
    DESCRIPTIONS,
    EMAIL_ADDRESS,
    IDENTIFYING_DETAIL_CODE,
    NAME,
    NHS_NUMBER,
    NI_NUMBER,
    PHONE_NUMBER,
    POSTCODE,
    SCHOOL,
    STREET_ADDRESS,
    SUGGESTIONS,
    Finding,
    check_free_text,
    find_identifying_details,
    identifying_details_message,
    is_valid_nhs_number,
)

POSITIVES = [
    # Postcodes: full ones, in any case, with or without the space.
    ("BB9 7LJ", POSTCODE),
    ("bb97lj", POSTCODE),
    ("M1 1AE", POSTCODE),
    ("SW1A 1AA", POSTCODE),
    ("GIR 0AA", POSTCODE),
    ("EC1A1BB", POSTCODE),
    ("The family has moved to pr1 2hq.", POSTCODE),
    ("Lives near LA1  4YW", POSTCODE),
    ("Postcode PR1 2ND", POSTCODE),
    ("ＢＢ９ ７ＬＪ", POSTCODE),
    ("BB9\u200b7LJ", POSTCODE),
    # NHS numbers with a valid check digit, grouped or not.
    ("943 476 5919", NHS_NUMBER),
    ("9434765919", NHS_NUMBER),
    ("943-476-5919", NHS_NUMBER),
    ("NHS no. 472 136 2544 on the referral", NHS_NUMBER),
    # National Insurance numbers.
    ("QQ 12 34 56 C", NI_NUMBER),
    ("AB123456C", NI_NUMBER),
    ("ab 12 34 56 c", NI_NUMBER),
    ("AB 123456 C", NI_NUMBER),
    ("NI number JZ123456", NI_NUMBER),
    # Dates presented as dates of birth.
    ("DOB 12/05/2014", DATE_OF_BIRTH),
    ("D.O.B. 12.05.14", DATE_OF_BIRTH),
    ("date of birth: 12 May 2014", DATE_OF_BIRTH),
    ("Date of birth is 12-05-2014", DATE_OF_BIRTH),
    ("dob 2014-05-12", DATE_OF_BIRTH),
    ("Her DOB is May 2014", DATE_OF_BIRTH),
    ("born on 12 May 2014", DATE_OF_BIRTH),
    ("born in 2012", DATE_OF_BIRTH),
    ("born May 12th 2014", DATE_OF_BIRTH),
    ("Born 3rd of June 2013", DATE_OF_BIRTH),
    ("born in the summer of 2012", DATE_OF_BIRTH),
    ("born c. 2012", DATE_OF_BIRTH),
    ("12/05/2014 (DOB)", DATE_OF_BIRTH),
    ("birthday is on the 12th of May", DATE_OF_BIRTH),
    # Personal phone numbers.
    ("07700 900123", PHONE_NUMBER),
    ("07700900123", PHONE_NUMBER),
    ("+44 7700 900123", PHONE_NUMBER),
    ("+44 (0)7700 900 123", PHONE_NUMBER),
    ("mobile 07700-900-123", PHONE_NUMBER),
    ("01632 960123", PHONE_NUMBER),
    ("(01632) 960123", PHONE_NUMBER),
    ("0161 496 0000", PHONE_NUMBER),
    ("020 7946 0000", PHONE_NUMBER),
    ("0044 20 7946 0000", PHONE_NUMBER),
    ("016977 4567", PHONE_NUMBER),
    # Email addresses.
    ("jane.smith@example.com", EMAIL_ADDRESS),
    ("contact mum on j_smith99@example.co.uk", EMAIL_ADDRESS),
    ("JOHN@EXAMPLE.ORG", EMAIL_ADDRESS),
    # Names after a title, or stated as a name.
    ("Mrs Smith", NAME),
    ("dr. Jones", NAME),
    ("Master T Brown", NAME),
    ("MR PATEL attended", NAME),
    ("Miss O'Brien", NAME),
    ("Mx Taylor", NAME),
    ("Dr A Patel", NAME),
    ("spoke to Mr and Mrs Khan", NAME),
    ("his name is Jack", NAME),
    ("The child's first name: Amelia", NAME),
    # A house number and street.
    ("12 Acacia Avenue", STREET_ADDRESS),
    ("14 High Street", STREET_ADDRESS),
    ("3 Park Road", STREET_ADDRESS),
    ("lives at 27a Albert Rd", STREET_ADDRESS),
    ("Flat 2, 9 Church Lane", STREET_ADDRESS),
    ("45 Oak Tree Close", STREET_ADDRESS),
    # The forms practitioners really write them in.
    ("BB10 3 QW", POSTCODE),
    ("BB 10 3QW", POSTCODE),
    ("NHS 401 023 213 7", NHS_NUMBER),
    ("Call 07 700 900 456", PHONE_NUMBER),
    ("NI QQ-12-34-56-A", NI_NUMBER),
    ("b. 5/6/2014", DATE_OF_BIRTH),
    ("D.O.B 5/6/2014", DATE_OF_BIRTH),
    ("dob 05062014", DATE_OF_BIRTH),
    ("born early on 5/6/2014", DATE_OF_BIRTH),
    ("date of birth for the middle child: 5/6/2014", DATE_OF_BIRTH),
    ("Email name [at] example.com", EMAIL_ADDRESS),
    ("name at example dot com", EMAIL_ADDRESS),
    ("Ellie Thompson, aged 9, is not in school.", NAME),
    ("her dad, Imran Hussain, works nights", NAME),
    ("son Tyler (6) and daughter Ruby (3)", NAME),
    ("the child, R.T., aged 9", NAME),
    ("known as Ellie", NAME),
    ("spoke to mr ahmed", NAME),
    ("the Hussain family", NAME),
    ("lives at 22 oak street", STREET_ADDRESS),
    ("on Oak Street at number 22", STREET_ADDRESS),
    ("7 Hollin Brow", STREET_ADDRESS),
    ("attends Holy Trinity primary", SCHOOL),
    ("a pupil at St John's CE Primary, Burnley", SCHOOL),
    ("Year 8 at Pendle Vale College", SCHOOL),
    ("Mosaic ID 1234567", CASE_SYSTEM_ID),
    ("LCS person id: 8765432", CASE_SYSTEM_ID),
    ("UPN K888079096690", CASE_SYSTEM_ID),
]

NEGATIVES = [
    # The examples in the issue.
    "Year 7",
    "aged 11 to 15",
    "£500",
    "3 children",
    "since March 2026",
    "CAF completed on 12 May",
    "CAF completed on 12 May 2025",
    "The family lives in the BB9 area",
    "Mr and Mrs",
    "Dr Barnardo's",
    "Pendle Youth Service",
    "the school nurse",
    "2 siblings aged 4 and 7",
    "between 9am and 5pm",
    "01 April",
    "room 101",
    "Section 17",
    "Level 2 of the Continuum of Need",
    "a budget of £1,200.50",
    "the 12 districts",
    "Working Together 2023",
    "phone the EIDO",
    "email the team",
    # Everyday casework.
    "A teacher has completed a CAF and the family agreed bereavement counselling is needed.",
    "TAC meeting held on 12/05/2026; the next one is on 09.06.2026.",
    "The TAC met on MS Teams on 3 June.",
    "Referred to CAMHS in January 2026; the waiting list is 18 weeks.",
    "Children Act 1989, section 47 enquiry closed with no further action.",
    "Key Stage 2 and KS3 pupils in the Nelson area, Y7 8am breakfast club.",
    "In Y7 1st term and KS3 2nd year the group lost its youth worker.",
    "The young person will turn 18 next year and move to adult services.",
    "The baby was born prematurely and the parents need support.",
    "Both parents were born and raised in Burnley in the 1990s.",
    "Date of birth withheld for anonymity.",
    "Date of birth is not recorded on the CAF completed on 12 May 2025.",
    "The GP and the Dr said the appointment would take 6 weeks.",
    "Access to Dr appointments is difficult without transport.",
    "Spot purchase of 6 sessions at £45 each, total £270.",
    "Call Childline on 0800 1111 or the council on 0300 123 6720.",
    "The 0-19 service and Home-Start Pendle are involved.",
    "Barnardo's and the NSPCC run groups, but neither has places.",
    "Early Help Assessment completed 05/03/2026, reviewed 2025/26.",
    "Our reference GAP-PEN-2026-0007 was discussed at panel.",
    "Invoice PO123456 for the mobile crèche.",
    "Purchase order 123 456 7890 raised by the school.",
    "12 weeks of mentoring from 1 September, then a review.",
    "The family moved to the area in 2019 and have no support network.",
    "A family of 5 living in a 2 bedroom flat, autumn term 2025.",
    "Level 3 safeguarding training on 14.01.2026 at 10:30.",
    "The school's SENCo and the headteacher both attended.",
    "She is studying for a Master's degree in social work.",
    "Police (PCSO) and housing attended after 2 Family Court hearings.",
    "St Helens and St Annes groups have closed.",
    "Route 3: stepping down from statutory services.",
    "ages 0 to 5, more than 1 in 4 children, 3 out of 12 districts",
    "Funding of £2,500 for 10 weeks from the 2026-27 budget.",
    "NHS number not recorded. The child's name is not on the form.",
    "It was a birthday party in March 2026 that the family could not afford.",
    "Mr. The family asked for help.",
    "A review is due on Tuesday 3 March 2026 at 2pm.",
    "The 18 month waiting list for a 1:1 worker is the barrier.",
    # What practitioners cannot avoid writing (the allow-list and the rules' exceptions).
    "We read the Mr Men books together.",
    "She loves the Makaton (Mr Tumble) sessions.",
    "The workbook's ISBN is 978-0-14-032872-1.",
    "The school runs a 15 Minute Walk each morning.",
    "Referral date 14/01/2026, DOB unknown.",
    "attends a local primary school",
    "the school",
    "the high school and the Forest School sessions",
    "In May the family asked for help; Will the panel meet?",
    "Grace Church runs a toddler group and Hope Street Centre a drop-in.",
    "A Jack of all trades youth worker; rated Amber on the plan.",
    "The charity Winston's Wish and Derian House have helped.",
    "The Polish and Roma families in Nelson and Preston.",
    "Her son and daughter, aged 4 and 7, share a room.",
    "The YP, aged 15, has been excluded.",
    "details at lancashire.gov.uk",
    "Recorded on Mosaic; no UPN yet.",
]


@pytest.mark.parametrize(("text", "kind"), POSITIVES)
def test_identifying_detail_is_found_as_its_kind(text, kind):
    """Each kind of identifying detail is found and reported as that kind, and only that."""
    assert [finding.kind for finding in find_identifying_details(text)] == [kind]


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinary_casework_text_is_allowed(text):
    """Ordinary casework text, with its ages, counts, money and dates, has no findings."""
    assert find_identifying_details(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Asked school nurses; the group was full.",
        "Family and school need advice on toileting.",
        "The boy was diagnosed by the GP. School staff are changing him twice a day.",
        "Spoke to the SENCo. School have agreed a reduced timetable.",
        "Nan and school are both worried about his sleep.",
        "Nana and school both see the change.",
    ],
)
def test_a_school_is_not_named_by_a_sentences_first_word_or_the_sentence_before(text):
    """A capital that only starts a sentence names no school, and a name stops at a full stop."""
    assert find_identifying_details(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "she goes to Pendle Vale school",
        "St Mary and St John School",
        "Burnley High School",
        "a pupil at Walverden Primary",
        "ST MARY'S SCHOOL",
        "Walverden Primary have raised concerns.",
        "She goes to St. Mary's School.",
        "Spoke to school. Walverden Primary said no.",
        "Ruby and Walverden Primary agree.",
    ],
)
def test_a_school_is_still_named_at_the_start_of_a_sentence_or_after_a_full_stop(text):
    """A known place, a church's marks or a capitalised "Primary" still make a school's name."""
    assert [finding.kind for finding in find_identifying_details(text)] == [SCHOOL]


def test_the_tables_are_large_enough_to_cover_the_rules():
    """The tables keep at least 40 positives, every kind among them, and 40 negatives."""
    assert len(POSITIVES) >= 40
    assert len(NEGATIVES) >= 40
    assert {kind for _, kind in POSITIVES} == set(DESCRIPTIONS)


def test_ten_digits_with_a_wrong_check_digit_are_not_an_nhs_number():
    """Only a valid Modulus 11 check digit makes ten digits an NHS number."""
    assert is_valid_nhs_number("9434765919")
    assert not is_valid_nhs_number("9434765910")
    assert find_identifying_details("943 476 5910") == []


def test_every_finding_in_a_text_is_reported_once_in_order_of_appearance():
    """Several details are all reported, one finding per kind, in the order they appear."""
    text = (
        "Mrs Smith (DOB 12/05/2014) lives at 12 Acacia Avenue, BB9 7LJ. Call 07700 900123 "
        "or email jane@example.com. Her sister lives at M1 1AE and her mum on 07700 900456."
    )

    kinds = [finding.kind for finding in find_identifying_details(text)]

    assert kinds == [NAME, DATE_OF_BIRTH, STREET_ADDRESS, POSTCODE, PHONE_NUMBER, EMAIL_ADDRESS]


def test_message_names_the_field_and_the_kind():
    """The message names the field and the kind of detail, and says how to fix it."""
    findings = find_identifying_details("The family at BB9 7LJ needs transport.")

    message = identifying_details_message("the unmet need", findings)

    assert message == (
        "The unmet need must not include a postcode. "
        "Remove it so that no child, young person or family can be identified. "
        "Give the town or area instead, such as 'Nelson' or 'the BB9 area'."
    )


def test_message_suggests_how_to_write_a_name_instead():
    """A name is refused with a suggestion to say who the person is rather than their name."""
    message = identifying_details_message("The unmet need", find_identifying_details("Mrs Smith"))

    assert "such as 'the mother' or 'a 9-year-old boy', rather than their name." in message


def test_every_kind_has_a_description_and_a_suggestion():
    """Each kind the guard reports has words for the message and a way to write it instead."""
    assert set(SUGGESTIONS) == set(DESCRIPTIONS)


def test_message_lists_every_kind_found():
    """With several kinds, the message lists them all and asks to remove them."""
    findings = find_identifying_details("BB9 7LJ, 07700 900123, Mrs Smith")

    message = identifying_details_message("What has been tried", findings)

    assert message.startswith(
        "What has been tried must not include a postcode, a phone number or a person's name. "
        "Remove them"
    )


@pytest.mark.parametrize(
    "detail",
    [
        "BB9 7LJ",
        "943 476 5919",
        "AB123456C",
        "DOB 12/05/2014",
        "07700 900123",
        "jane.smith@example.com",
        "Mrs Smith",
        "12 Acacia Avenue",
        "Ellie Thompson",
        "St John's CE Primary",
        "Mosaic ID 1234567",
    ],
)
def test_message_never_repeats_the_detail(detail):
    """No part of the matched detail reaches the message, so it cannot reach a log."""
    message = identifying_details_message(
        "the unmet need", find_identifying_details(f"Support for {detail} is needed")
    )

    squashed = message.replace(" ", "").lower()
    for part in detail.split():
        if len(part) > 3:
            assert part.lower() not in message.lower()
    assert detail.replace(" ", "").lower() not in squashed


def test_a_finding_holds_no_part_of_the_text():
    """A finding carries only its kind and a description, never the matched text."""
    assert [field.name for field in dataclasses.fields(Finding)] == ["kind", "description"]


def test_message_needs_at_least_one_finding():
    """Asking for a message about nothing is a programming error."""
    with pytest.raises(ValueError, match="at least one finding"):
        identifying_details_message("the unmet need", [])


def test_check_free_text_raises_a_validation_error_with_its_code():
    """The validator-style helper raises the same message with the code "identifying_detail"."""
    with pytest.raises(ValidationError) as raised:
        check_free_text("Call mum on 07700 900123", "the issue")

    assert raised.value.code == IDENTIFYING_DETAIL_CODE
    assert raised.value.messages == [
        "The issue must not include a phone number. "
        "Remove it so that no child, young person or family can be identified. "
        "Leave it out: the panel contacts the practitioner, never the family."
    ]


@pytest.mark.parametrize("value", ["", None, "The family needs transport to the group."])
def test_check_free_text_accepts_text_without_identifying_details(value):
    """Empty answers and ordinary text pass the validator-style helper."""
    check_free_text(value, "the unmet need")


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("1 " * 1500, []),
        ("Mr " * 1000, []),
        ("a" * 3000, []),
        ("a." * 1500, []),
        ("a@" * 1500, []),
        ("x@" + "a-" * 1500, []),
        ("0" * 3000, []),
        ("01 " * 1000, []),
        ("12 " + "Aaaaaaa " * 375, []),
        ("DOB " * 750, []),
        ("born on the " * 250, []),
        ("12 May " * 430, []),
        ("1 " * 1500 + "BB9 7LJ", [POSTCODE]),
    ],
)
def test_pathological_text_is_checked_without_runaway_backtracking(text, kinds):
    """Repetitive 3,000-character text is checked fully: the patterns cannot backtrack badly."""
    assert [finding.kind for finding in find_identifying_details(text)] == kinds


def test_a_long_answer_is_checked_to_its_end():
    """A detail at the end of a 3,000-character answer is still found."""
    paragraph = (
        "The young people in the Nelson area asked for diversionary activities on Friday "
        "evenings. The youth club closed in March 2026 and the nearest one is 6 miles away. "
    )
    text = (paragraph * 20)[:2990] + " bb97lj"

    assert [finding.kind for finding in find_identifying_details(text)] == [POSTCODE]
