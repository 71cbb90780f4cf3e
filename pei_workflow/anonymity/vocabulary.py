"""The words casework is written in that the name, school and address rules must know.

Each set answers one question a rule asks about a word ("is this a place?", "does this word
make the phrase before it an organisation?"). All hold folded, lower-case words.
"""

from __future__ import annotations

from .text import word_set

#: The towns and villages of Lancashire's twelve districts, the nearby towns practitioners
#: mention, and places abroad that are also given names. A capitalised place is not a name
#: on its own ("moved to Nelson", "a flat in Preston"), though it can be a surname after one.
PLACES = word_set(
    """
    lancashire pendle burnley nelson colne brierfield barrowford barnoldswick earby trawden
    foulridge padiham hapton worsthorne briercliffe cliviger hyndburn accrington
    oswaldtwistle rishton church clayton huncoat altham baxenden rossendale rawtenstall
    haslingden bacup whitworth waterfoot helmshore stacksteads crawshawbooth edenfield
    ribble valley clitheroe longridge whalley sabden read ribchester chipping waddington
    billington langho wilpshire mellor preston fulwood ribbleton ashton penwortham
    broughton goosnargh grimsargh chorley adlington coppull euxton croston eccleston
    buckshaw whittle clayton-le-woods leyland bamber bridge walton-le-dale lostock hall
    longton hutton farington west lancashire ormskirk skelmersdale burscough tarleton
    hesketh aughton upholland up holland parbold rufford lathom lancaster morecambe
    heysham carnforth halton galgate caton bolton-le-sands silverdale wyre fleetwood
    thornton cleveleys poulton garstang knott end preesall pilling fylde lytham annes
    kirkham freckleton wesham warton blackpool blackburn darwen bispham
    manchester liverpool bolton bury wigan rochdale oldham salford stockport southport
    chester leeds bradford halifax kendal barrow carlisle york london birmingham
    sheffield newcastle glasgow edinburgh cardiff belfast dublin
    england scotland wales ireland britain europe africa asia america
    pakistan india bangladesh poland romania slovakia hungary lithuania latvia bulgaria
    ukraine syria afghanistan iraq iran eritrea sudan somalia nigeria ghana kenya
    turkey kurdistan jordan israel palestine yemen egypt morocco albania portugal spain
    italy france germany china hong kong philippines sydney paris florence georgia
    chelsea victoria orlando austin dakota denver phoenix eden brooklyn india kingston
    kent devon cornwall dorset surrey sussex essex norfolk suffolk durham cumbria yorkshire
    cheshire derby leicester nottingham lincoln oxford cambridge windsor bristol bedford
    stafford warwick hampton camden richmond jersey guernsey texas florida virginia
    carolina columbia arizona washington dallas houston angeles melbourne rome cleveland
    missouri tennessee louisiana indiana alabama nevada cuba memphis venice milan adelaide
    alberta alexandria augusta raleigh savannah valencia montgomery columbus boston vegas
    """
)

#: Nationalities, peoples, languages and faiths: capitalised, and never a person's name
#: in casework ("the Roma families", "a Christian youth group", "speaks Polish").
PEOPLES_AND_FAITHS = word_set(
    """
    british english scottish welsh irish european african asian american pakistani
    indian bangladeshi bengali sylheti mirpuri punjabi urdu gujarati hindi tamil polish
    romanian slovak slovakian czech hungarian lithuanian latvian bulgarian ukrainian russian
    syrian afghan iraqi iranian kurdish sorani kurmanji farsi pashto dari eritrean tigrinya
    sudanese somali nigerian ghanaian arab arabic turkish albanian portuguese spanish
    italian french german chinese cantonese mandarin filipino roma romany gypsy traveller
    travellers muslim muslims islam islamic christian christians catholic anglican methodist
    baptist pentecostal orthodox jewish hindu sikh buddhist white black mixed
    """
)

MONTHS = word_set(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
DAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
FESTIVALS = word_set(
    "christmas easter eid diwali ramadan halloween hanukkah vaisakhi navratri lent advent"
)

#: Words that, after a capitalised name, make the whole phrase an organisation, a place, a
#: building or a programme: "Derian House", "Victoria Park", "Lucy Faithfull Foundation".
ORGANISATION_NOUNS = word_set(
    """
    house hall centre center park trust foundation fund appeal project projects service
    services team hub club group church chapel mosque temple gurdwara academy college school
    primary high library theatre museum gallery stadium ground arena institute society
    association partnership network programme program scheme award awards fellowship
    hospice hospital ward unit clinic surgery practice court street road lane avenue close
    drive way square place crescent terrace rd st ave ln cres gdns sq ct grove gardens walk
    row hill view mews brow fold
    clough croft rise bank parade meadow meadows green gate fields vale nook heights mount
    estate village town city county council borough district bridge wood woods farm
    cottage lodge manor mill moor forest lake river valley bay beach pier tower
    festival day week month fair show league cup campaign challenge method approach model
    scale assessment test award prize books book stories series episodes dvd dvds
    sessions course courses curriculum kit toolkit plan pathway house's
    limited ltd plc cic charity charities alliance forum collective company co
    """
)

#: Words that introduce a person by their relationship: "her dad, Imran", "son Tyler (6)".
KIN_WORDS = word_set(
    """
    son sons daughter daughters mum mummy mam mom mother dad daddy father brother brothers
    sister sisters sibling siblings nan nana nanna nanny gran granny grandma grandmother
    grandad granddad grandpa grandfather grandson granddaughter grandchild grandparent
    aunt auntie aunty uncle cousin niece nephew stepdad stepmum stepmother stepfather
    stepson stepdaughter stepbrother stepsister step-dad step-mum partner boyfriend
    girlfriend husband wife baby child boy girl twin twins eldest youngest oldest
    teenager toddler infant pupil carer carers guardian kids children
    """
)

#: Small words that are never a name, however they are written: "Mr and Mrs", "mum was".
FUNCTION_WORDS = word_set(
    """
    a an and as at be but by for from had has have he her here hers him his how i if in
    into is it its me my no nor not of off on once only or our ours out she so than that
    the their them then there these they this those to too up us was we were what when
    where which while who whom whose why will with would you your yours been being does
    did do can could should shall may might must also just very all any both each few more
    most other some such own same again further about above after before below between
    during through under over until against among per via etc re
    """
)

#: Capitalised words that stand before a number or follow a title and are not names.
NOT_A_NAME = word_set(
    """
    year years yr y key stage level step room group groups class classes team section
    tier band route bus page chapter item point question option priority ward bed flat
    appendix part week weeks month months day days hour hours session sessions number no
    age ages aged mum dad nan baby child children boy boys girl girls son daughter brother
    sister sibling siblings twins parent parents carer family families pupils students
    degree plan copy reception nursery phase grade score
    """
)

#: Titles before a name. "Miss" and "Master" are ordinary words too, so they count only
#: with a capital; "MS" is taken as an abbreviation ("MS Teams", multiple sclerosis).
TITLES = word_set("mr mrs ms mx miss master dr mister missus")

#: Words before a capitalised name that make it something else: "St Mary's", "Lake Victoria".
NOT_A_PERSON_BEFORE = word_set(
    "st saint lake port mount fort king queen prince princess royal sir lady lord cape"
)
