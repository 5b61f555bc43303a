"""The words and names the generated benchmark corpus is made of (see search_corpus)."""

from __future__ import annotations


def _words(text: str, separator: str | None = None) -> list[str]:
    return [word.strip() for word in text.split(separator) if word.strip()]


COMMON = _words(
    """the of to and a in that is for on said with was as it by at from his has have be are
an not but its after were had who will they this he would been their which more than also over
about into up out one two new last year years could there all when we what other some her them
while three during before against between since under because only most both first people
state week month day time told officials government"""
)
NEWS = _words(
    """minister president military forces strike strikes nuclear talks security sanctions
agreement ceasefire border troops attack attacks missile missiles drone drones election
elections parliament opposition protest protests police court ruling economy inflation prices
oil gas energy exports imports trade tariffs bank central interest rates market markets
investors shares company companies deal summit leaders leader foreign defence army navy air
base bases region regional capital city province village civilians casualties killed wounded
hospital aid humanitarian refugees camp negotiations envoy embassy ambassador sanctions
spokesman spokeswoman statement ministry intelligence report reports reported warned warning
threat threats crisis conflict war peace offensive counteroffensive frontline shelling
airstrike airstrikes reactor reactors enrichment uranium inspectors inspection facility sites
site plant power grid pipeline tanker shipping port ports coast waters vessel vessels fleet
exercise exercises alliance allies ally partner partners cooperation support weapons arms
supplies delivery deliveries budget spending reform reforms vote voters campaign candidate
candidates coalition cabinet decree law bill legislation investigation probe charges arrested
detained prison sentence trial judge prosecutors corruption scandal resignation appointed
dismissed visit visited meeting meetings letter call phone diplomatic diplomats relations
tensions escalation retaliation response condemned denied confirmed announced claimed
accused urged demanded rejected approved signed launched carried launched targeted destroyed
damaged struck intercepted shot downed fired exploded explosion blast fire rescue flooding
earthquake storm drought harvest grain wheat food shortages workers union strike wages jobs
unemployment growth recession debt loan fund imf currency dollar euro rouble rial yuan
technology cyber hackers satellite space launch research scientists university students"""
)
COUNTRIES = _words(
    """Iran Russia Ukraine Israel Syria Iraq Turkey China India Pakistan France Germany
Britain Poland Egypt Qatar Lebanon Jordan Yemen Japan Korea Brazil Mexico Canada Italy Spain
Sweden Finland Norway Georgia Armenia Azerbaijan Kazakhstan Belarus Moldova Romania Hungary
Serbia Greece"""
)
CITIES = _words(
    """Tehran Moscow Kyiv Jerusalem Damascus Baghdad Ankara Beijing Delhi Islamabad Paris
Berlin London Warsaw Cairo Doha Beirut Amman Sanaa Tokyo Seoul Brasília Geneva Vienna Brussels
Bushehr Natanz Isfahan Odesa Kharkiv Gaza Aleppo Mosul Tbilisi Yerevan Baku Minsk Chișinău
Bucharest Budapest Belgrade Athens Zürich Kraków"""
)
AGENCIES = _words(
    """Reuters|Associated Press|AFP|Bloomberg|Xinhua|TASS|Interfax|Anadolu|IRNA|Tasnim|
Kyodo|Yonhap|ANSA|EFE|dpa|PTI|Al Jazeera|BBC|RIA Novosti|Ukrinform""",
    "|",
)
OFFICIAL_BODIES = [
    "Kremlin",
    "Pentagon",
    "White House",
    "Foreign Ministry",
    "Defence Ministry",
    "IAEA",
    "NATO",
    "UN Security Council",
    "European Commission",
    "State Department",
]
TAGS = _words(
    """nuclear|diplomacy|sanctions|energy|elections|Iran–Russia relations|Bushehr|ceasefire|
cyber|shipping|refugees|economy|protests|corruption|air defence|drones|grain|arms control|
disinformation|humanitarian""",
    "|",
)
MASTHEADS = _words("Herald Times Post Observer Gazette Tribune Chronicle Daily Monitor Report")
CUES = [
    "told {s}",
    "according to {s}",
    "{s} reported",
    "{s} said",
    "sources told {s}",
    "{s} confirmed",
    "a report by {s} said",
]
