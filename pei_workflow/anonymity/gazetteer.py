"""The gazetteer of given names and surnames the name rules look words up in.

Why Faker: the name rules need to know that "Imran", "Kacper", "Ioana" and "Ellie" are given
names without anyone keeping a list by hand. Faker ships per-locale name lists offline, inside
a package that is released every few weeks (it is also what the tests' factories use), so
the lists come with the code and need no network. The locales are those of the families in
Lancashire's districts: English (Faker's base list of 7,000 given names), British, Irish,
American and New Zealand English (which carry the newer given names, "Jayden", "Aaliyah"),
India and Pakistan (romanised names; Faker's hi_IN and bn_BD lists are in Devanagari and
Bengali script, which casework is not written in),
Poland, Romania, Slovakia, the Czech Republic, Hungary, Lithuania, Latvia (the Roma and
Eastern European families of Burnley, Preston and Pendle), Turkey and Germany (whose lists
carry Turkish, Kurdish and Arabic names), and Italy, Portugal and Spain.

What else was weighed: names-dataset (730,000 first names from a scrape of Facebook profiles;
hundreds of megabytes in memory, and built from leaked personal data), gender-guesser (a
2007 list, unmaintained since 2016) and nameparser (titles and suffixes, no names). Faker's
lists are samples, not censuses, so `SUPPLEMENT_GIVEN` and `SUPPLEMENT_SURNAMES` add the
names most common among children and families in Lancashire that its lists lack: the most
given names in England and Wales since 2000 (ONS), the Pakistani, Bangladeshi, Indian
Gujarati and Arabic names of Pendle, Burnley, Hyndburn and Preston, and old Lancashire
surnames.

Built once, at import, as frozensets of folded words (lower case, accents off); splitting
"Mary Jane" and "Ruby-Mae" into their parts. Names of fewer than three letters are left out:
"Al", "Jo", "Ed" and "Bo" are far more often something else.
"""

from __future__ import annotations

import importlib

from .text import fold

LOCALES = (
    "en",
    "en_GB",
    "en_IE",
    "en_US",
    "en_NZ",
    "en_IN",
    "en_PK",
    "pl_PL",
    "ro_RO",
    "sk_SK",
    "cs_CZ",
    "hu_HU",
    "lt_LT",
    "lv_LV",
    "tr_TR",
    "de_DE",
    "it_IT",
    "pt_PT",
    "es_ES",
)

SUPPLEMENT_GIVEN = """
    alfie freddie finley finlay jenson teddy louie dexter ollie ellis sonny reggie albie
    ronnie frankie tommy kian kayden jaxon jaxson brody kaiden kyran rhys reece declan
    maisie esme lexi gracie darcey darcie lottie macie mollie lacey kacey kayleigh
    chantelle paige demi tia keira shannon courtney jodie kirsty leanne stacey
    muhammad mohammed mohammad muhammed rayyan zayn zain zakariya zakaria musa ilyas
    haroon harun ayan eesa isa usman uthman tariq asif adnan shahid khalid faisal junaid
    waqas zubair naveed sajid majid rizwan imran hamza bilal umar omar hassan hussain
    yusuf yousuf ibrahim ismail idris yahya abdullah ahmad ahmed ayaan arham aryan
    aisha ayesha aysha zainab khadija khadijah hafsa safa marwa amina aminah hira iqra
    mariam maryam sana saima kiran bushra shazia nasreen rukhsana shabana parveen nazia
    samina rubina yasmin yasmeen noor nur inaya aliza anaya eshal zoya alisha aleena
    hania haniya sumayyah ruqayyah maheen mahnoor fatima fatimah halima humaira iram
    nadia rehana shamima shahida sabina sultana tahmina rahima jannat
    abdul rahim karim rashid sohail shakeel tanveer jamil nabil anwar hamid hameed majid
    pat val bev viv
    """

SUPPLEMENT_SURNAMES = """
    ashworth duckworth sutcliffe dewhurst holroyd clegg lomax pickup brierley nuttall
    pilling haworth howarth heys entwistle ormerod crabtree birtwistle tattersall pickles
    hindle haslam cunliffe aspinall eccles sharples whiteside shorrock cowell bibby rigby
    worthington threlfall hesketh melling cookson fazackerley gregson catterall swarbrick
    rawcliffe ainsworth kenyon hothersall hargreaves whittaker holden greenwood duckett
    rafiq rehman rahman uddin miah hossain islam khatun chowdhury choudhury mohammed
    malik qureshi butt bashir aziz nawaz hanif sadiq javed aslam akram anwar sharif
    yousaf mirza zaman saddique siddique mughal arshad kausar parveen iqbal mahmood begum
    bibi akhtar hussain hussein khan patel ahmed ali shah
    nowak kowalski kowalczyk wisniewski wojcik kaminski lewandowski zielinski szymanski
    horvath balog lakatos popescu ionescu dumitru marin
    """


def _parts(names) -> set[str]:
    parts = set()
    for name in names:
        for part in str(name).replace("-", " ").split():
            folded = fold(part)
            if len(folded) >= 3 and folded.isascii() and folded.isalpha():
                parts.add(folded)
    return parts


def _from_faker(prefixes: tuple[str, ...]) -> set[str]:
    names: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute, value in vars(provider).items():
            if attribute.startswith(prefixes) and isinstance(value, (tuple, list, dict)):
                names |= _parts(value)
    return names


GIVEN_NAMES = frozenset(_from_faker(("first_names",)) | _parts(SUPPLEMENT_GIVEN.split()))
SURNAMES = frozenset(
    _from_faker(("last_names", "unisex_last_names", "male_last_names", "female_last_names"))
    | _parts(SUPPLEMENT_SURNAMES.split())
)
