"""Given names and surnames that are also everyday English words.

"May", "Will", "Grace", "Hope", "Rose", "Mark", "Bill", "Jack", "Summer", "Amber", "Hall",
"Green", "Brown", "Young", "Long" and the like are names, but far more often they are the
month, the verb, the virtue, the colour or the rating ("rated Amber"). Such a word is taken as
a name only with more evidence than a capital letter: a surname after it, a naming context
("her daughter Grace"), a title or an age.

How the list was made: the gazetteer's names (see `gazetteer`) that are also common
lower-case English words: in a dictionary as a lower-case entry (Webster's Second, public
domain) and frequent in present-day English (a Zipf frequency of 3 or more), and their plain
plurals ("miles", "weeks", "banks"); then read by hand, taking out words whose everyday sense is
rare beside the name ("Harry", "Tom", "Dean", "Pat", "Molly", "Florence", "Walsh"), and adding
the names the issue and practitioners' writing showed to be everyday words, and the names
more often something else in lower case ("a sim card", "her teddy", "vice versa", "the
metro"). Neither source is a
dependency: the list is kept here, and is small enough to read.
"""

from .text import word_set

EVERYDAY_WORDS = word_set(
    """
    abbey ace ada add admiral ah al ala alamo albino ale ales allah ally alma almond alpha
    alto ama amber ambrose ami amor angel angelic ante april ara arch archer arenas art
    ascension ash aspen asu atlas august aura aurora author autumn avon baba babe baby bail
    baker bal bale bali ball ban banks barber barker barnard baron barrows bas basil bass
    bath bay bean bear beard beck bee beer bell belle bender benedict berg berlin berry best
    bethel bien bill bins birch bird birdie bishop bite black blanco blank blaze blessing
    bliss block blossom bo bob bode bogus bond boner bones booker boon booth bora bos bosch
    bose boss boston bowers bowler bowman brain branch brandy bravo bray bree brewer brick
    bridge bridges bright brit brook brooks brown browning buck bud buddy buffy bull bunk
    burgess burns burr burrows burt bus bush buster butch butcher butler butte cadence cain
    cali cam camps canal canals candy canning cannon canton canyon cap captain carol
    carpenter carr carry carton cartwright cas case cases cash celeste chambers champ chance
    chandler char charity chase chastity che cherish cherry chester chico chin china chip
    christ christian chuck church cinnamon clay clear clement clements cliff coca coll
    collier colon colonel colt combs commodore company con contractor convey cook cop coral
    cord corona corral council cousins coy crane craven creed crooks cross cruise crystal
    curry cyrus czech dada daisy dale dar darby dare das dash date davy daw dawn dax day de
    deacon decker deep del dell delta desi destiny dey diamond dick dickens din diver divine
    dixie doc dock doctor doll dolly domino don dot dove dow downs drake drew drop drum dub
    duff duke dusty dutch dyer earl early earnest easter ebb ebony echo eddy edit el elder
    elle else emerald emery emit english era ernest essence eta ether eve ever fair fairy
    faith falcon fall farmer fate faust fawn fed fee felicity fern ferry field fields finch
    fisher fit fleet flint flood flora flowers font foot ford forest forum foster fox franc
    franco frank freely freeman french fresh friend front frost fry fuller funk gage gal
    gala gale gamble garland garner garnet garrison garth gas gates gauge gay gee gene
    general genesis geneva genie gentry geo german gill ginger glass glen glory glover god
    golden goldie good goodman gore gorge governor grab grace grant graves gray green grey
    grimes grit gross grove grunt guard gunner gunning gust guy hale hall ham han hand handy
    hank hans happy harden hardy hare harm harman harmony harsh hart hasty haven hawthorn
    hay hays hazel hearty heath heather heaven heller hence herb herd hero heron herring
    hickey hill hills ho holder holly homer honey hood hook hoover hope horn house howe hoy
    huff hull hung hunt hunter hurst ibn icy ide ike ima imo indian indie infant ion ira
    iris irish irl isa ivory ivy jack jackman jade jagger jasmine jax jay jean jesus jewel
    job journey joy judge june junior junk justice kaiser kale kali karma key kia kidney
    killer king kip kiss kit kitty knight kobe lace lacy lad lady lafayette lala lam lamb
    lament lance lane lark laurel law lawless lawyer lea leach leafy lee leech lees leighton
    lemon len les less levin lew lexus li liberty lice lily lim lin linden link lis little
    lon lone long looney loos loot lord lore love low lower loyal lucid lucky lulu lyn lyric
    mac mace mack macs mad made magnolia mai major mal male mall man mane mani manila manly
    manning mans mar march mare mares mark marks marlin marquis marry marsh marshal mart
    marvel mas master mat mate math maverick maximus may mayoral mays meadow meadows media
    mellon melody mercer merchant mercy merlin merry mesa meta metro miles miller mills
    miner minor mir miracle missy misty moan moles monk monks montana monte moody moon mora
    morales more moron morrow morse moss mountain muir myrtle nada nail nan nana napoleon
    nas nee newt nick nickel nile nils noble north nova novella o oak octave ola ole olive
    om opal ora oral orange orchard ott ova over pace page pages pal pandora pant pap para
    park parks parry pastor patience pau paw paz peacock pearl peck peer penny pepper petty
    phoenix pi pike pink pinto plaza pleas pleasant pol pole polish polk polo pont pop pope
    poppy porter potter power powers precious prentice press price priest prince princess
    proctor prosper prudence queen quill raid rails rain raj raja ram rand ransom ras raven
    ray rea read reader real reason red reed reno rhea rica rice rich rico riddle ridge ring
    rio rios river rivers roach rob robin rock rocky rod rode roe roll roma rose rosemary
    rosy rout rowan roxy royal ruby ruddy rush russel rust rusty rut sa sad sage said saint
    sal sales salmon sanders sandy sane sans santa santo savage sawyer sayin scarlet
    schiller scot scott sec sellers sen senator serenity serge server seven sever sexton sha
    shade shan sharp shaw shepherd shields shine short side sie sierra silk silver sim
    sincere sing singleton sip sister skinner skip sky slade slovak small smart snow sol
    sole son sonata sparks spears spence spring squire stack star stark starling steer stein
    sterling steward stokes stone storm stormy story stout street strong such sue summer
    summers sumner sunny sunshine sur swift swiss swords tab tad taft tailor tal tan tank
    taurus te tea teddy terra tex theres theta till tiny tod tome toner toro torrent
    torrents tos toy trace tre treasure trey trinity tron true turk una underwood unique
    unknown unnamed urban urs us uss valentine van veer velvet verde versa victory vigil
    villa viola violet vita viva von wade walker wall waller walls ward ware warmer warner
    warrior wash waters watt watts way weaver weeks weir wellington wells welsh west wheeler
    whit white whitehead will willow wills windy wing winter winters wise wolf wood woodrow
    woods woodward woody worth wren yee yogi york young zed zero zeta zion
    """
)
