"""The intent of a message: what the person is doing with what they say.

Ordered rules over the normalised words and the entities already read (bot/understanding/
entities.py): a control word, a bare answer to the pending question, a pushback, a revised
offer, a correction, a coaching move asked for, a question by topic, then the statements
(offer, rival, current job, details). Rules won over a nearest-example classifier on the
labelled set (tests/understanding): see bench/understanding.py for both figures. Where these rules
read nothing, a naive Bayes classifier gives a second opinion (bot/understanding/classifier.py).

Question topics are the names bot/coaching/questions.py answers.
"""

from __future__ import annotations

import re

from bot.understanding.entities import PARTLY_YES_RE, REFUSES, parts_named
from bot.understanding.model import CURRENT, OFFER, Utterance

COMMANDS = {
    "help": {"help", "usage", "commands", "what can you do", "how does this work", "h", "?", "menu", "options",
             "what can you help with", "what can you help me with", "how can you help", "how do i use this",
             "how do i use you", "how to use this", "what do you do", "what are you", "how does it work",
             "help me", "i need help", "can you help", "how does this bot work", "how does the bot work",
             "how do you work", "what is this bot", "what does this bot do", "what is this",
             "what can i ask you", "what can i ask", "what should i ask you", "what do i ask you"},
    "start_over": {"start over", "restart", "reset", "new offer please", "start again", "clear", "begin again",
                   "start from scratch", "let's start over", "lets start over", "start fresh",
                   "let's start again", "lets start again", "start from the beginning",
                   "let's start from the beginning", "lets start from the beginning", "from the top"},
    "forget": {"forget me", "forget", "delete my data", "delete me", "forget everything", "erase me",
               "delete everything", "wipe my data", "delete all my data"},
    "status": {"status", "where are we", "summary", "my case", "what do you know", "what do you have", "recap",
               "what do you have so far", "show my case", "what have i told you"},
}  # fmt: skip
QUESTIONS = [
    "say_no",
    "leverage",
    "good",
    "accept",
    "refreshers",
    "vesting",
    "deadline",
    "level",
    "remote",
    "sign_on_vs_base",
    "salary_history",
    "thanks",
    "goodbye",
    "out_of_scope",
]
QUESTION_TOPICS = {
    # "what if they say no?", "what do I do if they won't budge?", "and if they rescind the offer?": a
    # refusal asked about, not told (told, it is a pushback and changes the case)
    "say_no": r"\b(?:say\s+no|decline|turn\s+(?:it|them|(?:the|this|that)\s+(?:other\s+)?offer)\s+down)\b"
    r".{0,40}\b(?:nicely|politely|gracefully|kindly|without\s+burning|professionally)\b"
    # "what if I ask for 10% more and they just say no?": the ask, then the refusal supposed
    r"|\bwhat\s+if\s+i\s+[^?.!]{0,50}?\band\s+(?:they|the\s+(?:company|recruiter|\w+\s+team)|hr|she|he)\s+(?:just\s+)?"
    # "... and they just laugh at me and pull the offer?"
    r"(?:[\w']+\s+){0,5}?(?:say\s+no|refuse|reject|decline|won'?t|don'?t|can'?t|pull|rescind|withdraw|walk)"
    r"|(?:^\s*(?:and\s+|but\s+|so\s+)?if|\b(?:what|and)\s+(?:if|happens\s+if|(?:do|should|can)\s+i\s+do\s+if|then\s+if)"
    # "whats my play if they wont move on base?"
    r"|\bwhat(?:'?s|\s+is)\s+(?:my|the|our)\s+(?:next\s+)?(?:play|move|plan|step|option|answer|response)s?\s+if"
    r"|how\s+(?:should|do|can|would)\s+i\s+(?:respond|react|reply|answer|handle\s+it|proceed)\s+(?:if|when))\s+(?:they|the\s+company"
    # "what if the comp team won't move", "if the hiring manager refuses"
    r"|the\s+(?:[\w-]+\s+){0,2}?(?:team|committee|manager|recruiter|company|employer|firm|partners?|department|dept|panel)"
    r"|the\s+recruiter|hr|she|he)\s+(?:just\s+|flatly\s+|simply\s+|outright\s+|still\s+)?(?:says?\s+no|refuses?|rejects?|declines?|turns?\s+(?:it|me|that)\s+down"
    r"|won'?t\s+(?:budge|move|negotiate|go\s+higher)|doesn'?t\s+(?:budge|move|agree)|don'?t\s+(?:budge|move|agree)"
    r"|can'?t\s+(?:go\s+higher|do\s+it|move)|rescinds?|pulls?|withdraws?)",
    # "what's my leverage if I have no other offer?", "can I negotiate without a competing offer?": leverage
    # asked about (leveraging a named offer is a counter: "how do I leverage the figma offer")
    "leverage": r"\b(?:what(?:'s|\s+is)\s+my|how\s+much|what|any|where(?:'s|\s+is)\s+my|i\s+have|do\s+i\s+have"
    r"(?:\s+(?:any|some|enough|real))?)\s+(?:real\s+)?leverage\b(?!\s+(?:the|this|that|my|their|it|an?)\b)"
    r"|\b(?:negotiate|counter|ask\s+for\s+more|push(?:\s+back)?|haggle)\b[^?.!]{0,30}\b(?:without|with\s+no|if\s+i"
    r"\s+(?:don'?t|do\s+not|dont)\s+have|when\s+i\s+(?:don'?t|do\s+not|dont)\s+have|having\s+no|even\s+with\s+no)"
    r"\s+(?:(?:a\s+|any\s+)?(?:other\s+|another\s+|competing\s+|second\s+|rival\s+|backup\s+)?offers?\b"
    r"|(?:anything|something|nothing)\s+else\b)"
    r"|\b(?:no|without\s+(?:a|any)|(?:don'?t|do\s+not)\s+have\s+(?:a|any))\s+(?:other|competing|second)\s+offers?\b"
    r"[^?.!]{0,50}\b(?:negotiate|counter|leverage|push\s+back|push\s+for\s+more|ask\s+(?:for\s+)?more|risk)"
    # "how strong is my position here", "do i have any bargaining power"
    r"|\bhow\s+(?:strong|good|weak)\s+is\s+my\s+(?:negotiating\s+|bargaining\s+)?(?:position|hand)\b"
    r"|\b(?:bargaining|negotiating)\s+(?:power|position|chips?)\b|\buse\b[^.?!]{0,40}\bas\s+leverage\b"
    # "what do I have to bargain with?", "what have I got to negotiate with", "what cards do I hold"
    r"|\bwhat\s+(?:do\s+i\s+(?:even\s+|really\s+)?have|have\s+i\s+(?:even\s+)?got|(?:do|can|could)\s+i\s+use)\s+to\s+"
    r"(?:bargain|negotiate|haggle|push\s+back|trade)\s+with\b|\bwhat\s+cards\s+(?:do\s+i|have\s+i|i)\s+(?:have|hold|got)\b"
    r"|\b(?:give|gives|giving)\s+me\s+(?:any\s+|more\s+|real\s+|some\s+)?leverage\b"
    # "did i just burn my leverage?", "have i lost my leverage"
    r"|\b(?:burn(?:ed|t)?|lose|lost|hurt|kill(?:ed)?|waste(?:d)?|blow|blew|ruin(?:ed)?)\s+(?:my|all\s+my|any|our)\s+leverage\b"
    # "i have ml + databases background, does that help negotiation?": what they bring, asked about
    r"|\b(?:does|would|will|can)\s+(?:(?:that|this|it)\s+|my\s+(?:\w+\s+){1,3}?)help\s+(?:me\s+)?(?:in\s+)?(?:my\s+|the\s+)?negotiat",
    # "the recruiter wants my current salary, what do I say?", "should I tell them what I make now?",
    # "they asked for my salary expectations": what one earns, or expects, asked for by the company
    "salary_history": r"\b(?:current|previous|past|prior|present)\s+(?:salary|pay|comp(?:ensation)?|base|package)\b"
    r"[^.?!]{0,40}\b(?:ask|asks|asking|asked|want|wants|wanted|share|tell|disclose|give|reveal)\b"
    r"|\b(?:ask|asks|asking|asked|want|wants|wanted)\s+(?:for\s+|about\s+)?(?:my\s+)?(?:current|previous|past|prior)?\s*"
    r"(?:salary|pay|comp(?:ensation)?)\s+(?:history|expectations?)\b"
    # "HR is asking for my current CTC and expected CTC"
    r"|\b(?:ask|asks|asking|asked|want|wants|wanted)\s+(?:for\s+|about\s+)?my\s+(?:current|previous|past|prior)\s+"
    r"(?:salary|pay|comp(?:ensation)?|base|ctc|tc)\b"
    r"|\b(?:tell|share|disclose|reveal|give)\s+(?:them|the\s+recruiter|hr)?\s*(?:what\s+i\s+(?:make|earn)|my\s+(?:current\s+)?"
    r"(?:salary|pay|comp))\b|\bsalary\s+(?:history|expectations?)\b|\bexpected\s+(?:salary|comp)\b"
    # "they want to know what I billed as a contractor, do I have to say?"
    r"|\b(?:want|wants|wanted)\s+to\s+know\s+what\s+i\s+(?:make|made|earn|earned|billed|charged|get|got\s+paid)\b"
    # "they asked what number I'm expecting"
    r"|\b(?:ask|asks|asked|asking)\s+(?:me\s+)?what\s+(?:number|salary|figure|comp|range)?\s*i'?m\s+(?:expecting"
    r"|looking\s+for|targeting|hoping\s+for)\b"
    # "the recruiter asked what i make now at the school district, do i have to tell her?"
    r"|\b(?:ask|asks|asking|asked|want|wants|wanted)\s+(?:me\s+|to\s+know\s+)?(?:what|how\s+much)\s+i\s+(?:make|earn"
    r"|made|earned|get\s+paid|am\s+paid|was\s+paid)\b"
    r"|\bwhat\s+(?:are|is)\s+my\s+(?:salary\s+)?expectations?\b"
    r"|\b(?:ask|asks|asking|asked|want|wants|wanted|need|needs)\s+(?:for\s+|to\s+(?:know|hear)\s+)?my\s+(?:expectations?"
    r"|number|range|ask)\s+(?:first|upfront|up\s+front|before)\b"
    r"|\b(?:asked|asking|asks|wants?\s+to\s+know)\s+(?:me\s+)?what\s+i(?:'m|\s+am)?\s+(?:make|making|earn|earning|paid)\b"
    # "the recruiter asked what my W-2 was last year", "they want my last payslip": pay records asked for
    r"|\b(?:ask|asks|asked|asking|want|wants|wanted|need|needs|request(?:s|ed|ing)?)\s+(?:me\s+)?(?:for\s+|about\s+|to\s+see\s+"
    r"|what\s+)?my\s+(?:last\s+|latest\s+|previous\s+|recent\s+|most\s+recent\s+|current\s+)?"
    r"(?:(?:two|three|four|six|twelve|few|\d{1,2})\s+(?:months'?\s+)?)?(?:w-?2s?|p60|pay\s?stubs?"
    r"|pay\s?slips?|salary\s+slips?|tax\s+returns?|form\s+16)\b"
    # "recruiter keeps pushing me for my current salary"
    r"|\b(?:push(?:es|ing|ed)?|press(?:es|ing|ed)?|nagg?(?:ing|s)?|keeps?\s+asking)\s+(?:me\s+)?(?:for|about|on)\s+my\s+"
    r"(?:current|previous|past|prior)\s+(?:salary|pay|comp(?:ensation)?|base|number)\b",
    "out_of_scope": r"\b(?:tax(?:es|ed|ation)?|withholding|irs|hmrc|83\s?\(?b\)?|amt|capital gains|30%\s+ruling"
    r"|net\s+(?:salary|pay)|take[- ]home\s+pay\s+after"
    r"|legal(?:ly)?|lawyer|"
    r"attorney|non[- ]?compete|nda|visa|immigration|h-?1b|green card|sue|lawsuit|contract law|enforceable|"
    r"employment law|clawback clause|arbitration|llc|incorporat(?:e|ing|ion)|1099|contractor\s+status)\b",
    "sign_on_vs_base": r"\bbetween\b.{0,50}\b(?:base|salary|sign[- ]?on|signing)\b.{0,10}\band\b.{0,30}\b(?:sign[- ]?on"
    r"|signing|base|salary)\b"
    r"|\b(?:sign[- ]?on|signing|joining\s+bonus)\b.{0,60}\b(?:vs\.?|versus|or|instead|rather|than"
    r"|for|into)\b.{0,30}\b(?:base|"
    r"salary)\b|\b(?:base|salary)\b.{0,40}\b(?:vs\.?|versus|or|instead|rather|than|for"
    r"|into)\b.{0,30}\b(?:sign[- ]?on|signing)\b"
    r"|\b(?:one[- ]time|signing)\b.{0,30}\b(?:vs\.?|versus|or|instead)\b.{0,20}\b(?:recurring|base|salary)\b",
    "refreshers": r"\brefresh(?:er|es)?s?\b|\b(?:new|additional|annual|yearly|follow[- ]on|top[- ]up|more)\s+"
    r"(?:equity\s+|stock\s+|rsu\s+)?grants?\b|\bmore\s+(?:stock|equity|rsus|shares)\s+(?:after|later|each|every"
    r"|once|when|down\s+the\s+line|over\s+time|in\s+the\s+future|annually|yearly)\b|\b(?:do|will|would|can|could)\s+i\s+(?:ever\s+)?get\s+(?:any\s+)?more\b(?!\s+(?:base|salary|money"
    r"|cash|time|days))",
    "deadline": r"\bdeadline\b|\bexploding\b|\b(?:another|extra|(?:a\s+)?(?:few|couple)\s+more|(?:one|a|two)\s+more)"
    r"\s+(?:days?|weeks?)\b(?!\s+(?:of\s+(?:annual\s+|paid\s+)?(?:leave|holiday|vacation|pto)|off)\b)"
    r"|\bextension\b|\bextend\s+(?:the\s+)?(?:deadline|offer|date)\b"
    r"|\banswer\s+by\b|\brespond\s+by\b|\bdecide\s+by\b|\b(?:decision|reply|response)\s+by\b"
    r"|\b(?:decision|reply|response|answer)\s+(?:to|on)\s+(?:my|the|their|our)\s+\w+(?:\s+\w+)?\s+by\b"
    r"|\b(?:hear\s+back|know)\s+by\b|\bgave\s+me\s+until\b|\bgave\s+(?:me|us)\s+(?:\d+|a\s+few|two|three)\s+"
    r"(?:hours?|hrs?|days?)\b"
    r"|\bby\s+(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|tomorrow|end\s+of\s+(?:the\s+)?(?:day|week))\b|\bwithin\s+\d+\s+"
    r"(?:hours|days)\b|\b\d+\s+(?:days?|hours?)\s+to\s+(?:accept|decide|respond|answer|sign)\b"
    r"|\bmore\s+time\b|\b(?:24|48|72)\s*h(?:ours?|rs?)?\b|\bpressur"
    r"|\b(?:till|until|til|before)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tmrw"
    r"|eod|eow|end\s+of|next\s+week|the\s+end)\b|\bexpir(?:es|ing|y|ation)\b|\b(?:good|valid|open)\s+(?:for|until"
    r"|till)\s+(?:\w+\s+)?\d*\s*(?:days?|hours?|weeks?|monday|tuesday|wednesday|thursday|friday|tomorrow)\b"
    r"|\bhow\s+long\s+(?:can|do|should|could)\s+i\b|\b(?:by|before)\s+(?:eod|eow|tonight|this\s+week)\b"
    r"|\bsign\s+by\b|\btime\s+to\s+(?:decide|think)\b"
    r"|\b(?:answer|decision|reply|response)\s+(?:with)?in\s+(?:\d+|a\s+few|two|three|a\s+couple\s+of)\s+(?:days?|hours?)\b",
    "vesting": r"\byear\s+(?:one|1)\b|\bfirst\s+year\b|\b(?:un)?vest(?:ing|s|ed)?\b|\bback[- ]?loaded\b"
    r"|\bfront[- ]?loaded\b|\bcliff\b|\bschedule\b",
    "remote": r"\bremote\b.{0,40}\b(?:pay|paid|less|discount|band|adjust|lower|cut|differ)|\b(?:geo|location)[- ]?"
    # "i move to denver next year, does comp get cut": pay after a move
    r"(?:based\s+)?(?:pay|adjust|discount|band)|\b(?:move|moving|relocat\w*)\s+to\b.{0,40}\b(?:comp|pay|salary|band)\b"
    r".{0,20}\b(?:cut|lower|less|reduced?|adjust\w*|change)|\b(?:geo|location)[- ]?"
    r"(?:based\s+)?(?:pay|adjust|discount|band)|\bpay\b.{0,30}\bremote\b"
    r"|\b(?:fair|good|ok|okay|normal|low|competitive|decent|enough)\s+for\s+(?:a\s+)?(?:fully\s+)?remote\b|\bremote\s+(?:pay|discount|adjustment)\b"
    # "can I ask for remote?", "could I negotiate working remotely?": remote as the thing asked for
    r"|\b(?:ask|asking|request|negotiate|push|get)\s+(?:for\s+|to\s+(?:be|work|go|stay)\s+)?(?:a\s+)?(?:full(?:y)?\s+)?"
    r"(?:remote(?:ly)?|working\s+remote(?:ly)?|work(?:ing)?\s+from\s+home|wfh)\b"
    r"|\b(?:remain|stay|staying|remaining)\s+(?:fully\s+)?remote\b|\bremote\s+status\b",
    "level": r"\blevell?(?:ed|ing|s)?\b(?!\s*\.?\s*fyi\b)"  # levels.fyi is a site
    r"|\b(?:next|higher)\s+(?:grade|band|rung|title)\b"  # "should I push for the next grade up?"
    r"|\bis\s+(?:[LEIMP]\d{1,2}|senior|staff|principal)\s+(?:too\s+)?(?:low|high|right"
    r"|fair|ok|okay)\b|\b(?:down|up|under|over)[- ]?level|\b(?:senior|staff|principal|junior|sr)\b"
    r"(?:\s+(?:instead|role|title|position|engineer|eng))?\s*(?:instead|\?|$)|\btitle\b|\bseniority\b|\bpromotion\b|\bl\d\b",
    "accept": r"\b(?:should|do|would|can)\s+(?:i|you)\s+(?:just\s+|simply\s+|now\s+)?"
    r"(?:accept|take|sign|go\s+with|say\s+yes)\b"
    r"|\badvise\s+me\s+to\s+(?:sign|accept|take)\b|\btake\s+it\s+or\s+(?:push|counter|ask|negotiate)\b|\b(?:lo\s+)?acepto\b|\baceptarl[oa]\b|\baccept\s+kar\s+lu"
    r"|\btime\s+to\s+(?:accept|sign|say\s+yes)\b"
    r"|\bi\s+should\s+(?:just\s+)?(?:accept|take|sign|go\s+for)\b|\baccept\s+(?:it|this|the\s+offer|now)\b.*\?|\btake\s+(?:it|the\s+offer|this)\s*\?|\bworth\s+(?:taking"
    r"|accepting)\b",
    # "would that actually be good", "would it be fair": a figure judged, offered or not
    "good": r"\bwould\s+(?:that|it|this)\s+(?:\w+\s+)?be\s+(?:good|fair|decent|ok|okay|enough|reasonable|competitive)\b"
    r"|\bwhich\s+(?:one|offer|is)\b.{0,20}\b(?:better|best|higher|bigger)\b|\bcompare\s+(?:them"
    r"|the\s+(?:two|offers))\b|\bis\s+(?:the|my|this|that)\s+(?:base|equity|stock|sign[- ]?on|bonus|salary"
    r"|package|offer"
    r"|grant)\s+(?:any\s+)?"
    r"(?:good|fair|ok|okay|low|high|competitive|reasonable|enough|strong|solid|decent)\b"
    # "is this package market for a principal engineer?", "is the offer at market": the offer against the market
    r"|\bis\s+(?:the|my|this|that|it)\s+(?:(?:base|equity|stock|salary|package|offer|comp)\s+)?(?:at\s+|above\s+|below\s+)?"
    r"market\b(?!\s+rate\s+for\s+(?:a|an)\s+\w+\s+level)|\b(?:seem|look"
    r"|sound)s?\s+(?:too\s+)?(?:low|high|fair|good|ok|okay|reasonable|right|bad)\b"
    r"|\b(?:base|equity|stock|offer|package|salary|bonus|sign[- ]?on|comp)\s+(?:is|feels|seems)\s+(?:a\s+bit\s+"
    r"|kinda\s+|too\s+|really\s+|pretty\s+|quite\s+|on\s+the\s+)?(?:low|lowball|light|high|side)\b"
    r"|\bis\s+\S*\d\S*\s+(?:\w+\s+)?(?:low|high|good|fair|competitive|ok|okay|enough|strong|solid|decent)\b"
    r"|^(?:so\s+|and\s+|but\s+)?(?:is|are)\s+(?![^?]*\b(?:vest|cliff|schedule))(?:a\s+|an\s+)?[$£€~]?\d(?:[^?.!]|\.(?=\d)){0,40}?\b(?:normal|decent|a\s+lot|typical|standard"
    r"|generous|reasonable|solid|good|fair|low|high|enough|competitive|ok|okay)\b|\b(?:is"
    r"|was)\s+(?:this|that|it)\s+(?:a\s+)?(?:good|fair|bad|decent|ok|okay|low|high|competitive|reasonable|"
    r"any\s+good|lowball|great|solid|market)\b|\bhow\s+(?:good|bad|fair)\b|\bam\s+i\s+(?:being\s+)?(?:lowball"
    r"|underpaid)"
    r"|\bhow(?:'s|\s+is|\s+does|\s+do)\s+(?:it|this|that|the|my|they|these|those|both|them|all|each)\b[^?.!]{0,25}"
    r"\b(?:look|compare|stack|seem|sound)"
    r"|\bis\s+(?:the|my|this|that)\s+(?:\w+\s+){1,2}(?:any\s+)?(?:good|fair|ok|okay|low|high|competitive|reasonable"
    r"|enough|decent)\b|\bam\s+i\s+(?:getting|being\s+(?:offered|given|paid))\s+(?:a\s+)?(?:fair|good|decent|bad|raw"
    r"|low|reasonable)\b|\b(?:fair|good|decent|raw|bad)\s+deal\b|\bwhat\s+do\s+you\s+think\b"
    r"|\bgood\s+offer\b|\bfair\s+offer\b|\blowball(?:ed|ing)?\b|\bwhere\s+does\s+(?:it|this|that)\s+(?:sit|land|fall)"
    r"|\bthoughts\s*\?|\bin\s+line\s+with\s+(?:the\s+)?market|\babove\s+or\s+below\b"
    r"|\b(?:ok|okay|good|fair|decent)\s+or\s+(?:lowball|low|bad|not)\b"
    r"|\bis\s+[$£€]?\d[^?.!]{0,40}?\b(?:competitive|fair|reasonable|decent|good|low)\b",
}
_TOPIC_RE = {name: re.compile(pattern, re.I) for name, pattern in QUESTION_TOPICS.items()}
QUESTION_RE = re.compile(
    r"\?|\bis\s+(?:this|that|it)\b|\bwould\s+(?:that|it|this)\s+(?:\w+\s+)?be\b|\bhow\s+to\b|\bwhat\s+then\b|\bthen\s+what\b|\bsh(?:ou|u|o)l?d\s+i\b|\bor\s+(?:not|no|lowball)\b"
    # a question after a statement: "vesting is 10/20/30/40, how bad is that", "i move to denver, does comp get cut"
    r"|[,;]\s*(?:how|what|why|which|does|do|is|are|will|would|can|could|should)\s+\w+"
    r"|^(?:is|are|am|was|should|do|does|did|can|could|would|will|how|what|why|when"
    r"|which|where|any|thoughts|tell\s+me|"
    r"explain|help\s+me\s+understand)\b|\bwhat\s+about\b|\bhow\s+about\b|\bwondering\b|\bnormal\b"
    r"|\b(?:not\s+sure|unsure|curious|don'?t\s+know|wonder)\s+(?:if|whether)\b|\bi\s+wonder\b"
    r"|\bi\s+(?:feel|think)\s+(?:like\s+)?(?:the|my|this|it)\b[^.?!\d]{0,30}\b(?:low|lowball|unfair|light)\b"
    # a judgement said as a statement ("the equity seems low") asks where the offer sits
    r"|\b(?:seems?|looks?|feels?|sounds?)\s+(?:(?:a\s+bit|kinda|kind\s+of|too|really|pretty|quite|very|a\s+little"
    r"|way)\s+)?(?:low|light|lowball|stingy|unfair)\b"
    r"|(?:[,;:.!-]\s*|^(?:(?:ok(?:ay)?|so|honestly|tbh|also|and|but|hey|hmm+|well|quick\s+q(?:uestion)?|be\s+honest"
    r"|real\s+talk|ugh|lol|question)\W*\s+)+)(?:is|are|should|do|does|can|could|would|will|how|what|why|when"
    r"|which|where)\s+(?:(?:i|you|we|they|it|this|that|the|my|a|one)\b|[$£€]?\d)"
    r"|\bhow\s+(?:much|many|long|do|does|should|can)\s+(?:i|we|they|it|you|do|does|is|are|the|equity|stock)\b"
    r"|\bwhat\s+(?:do|should|can|would)\s+(?:i|you)\s+do\b"
    r"|(?:^|[,;:.!-]\s*|\b(?:question|q)\s+(?:but|though|so)\s+)(?:which|what|how|where|when|why)\s+(?:one\s+)?(?:should|do"
    r"|does|would|is|are|can|could|will)\b",
    re.I,
)
THANKS_RE = re.compile(
    r"^(?:ok(?:ay)?\s*,?\s*|great\s*,?\s*|awesome\s*,?\s*|perfect\s*,?\s*"
    r"|cool\s*,?\s*)?(?:thanks?(?:\s+(?:so\s+much|a\s+lot|"
    r"a\s+ton|again|for\s+(?:the\s+)?(?:help|this|that|everything)))?|thank\s+you(?:\s+(?:so\s+much"
    r"|very\s+much|again|"
    r"for\s+\w+(?:\s+\w+)?))?|thx|ty|tysm|cheers|much\s+appreciated|appreciate\s+(?:it|that|the\s+help)|that'?s\s+"
    r"(?:really\s+)?helpful|this\s+(?:is|was)\s+(?:really\s+)?helpful|super\s+helpful|great\s+help"
    r"|you'?re\s+the\s+best)\b"
    r"[\s!.,:)]*(?:this\s+(?:is|was)\s+(?:really\s+|super\s+)?helpful)?[\s!.:)]*$",
    re.I,
)
GOODBYE_RE = re.compile(
    r"^(?:ok(?:ay)?\s*,?\s*|thanks?\s*,?\s*|great\s*,?\s*)?(?:i'?m\s+)?(?:bye|goodbye|good\s*bye|see\s+y(?:a"
    r"|ou)(?:\s+later)?|later|"
    r"that'?s\s+(?:all|it)(?:\s+for\s+now)?|i'?m\s+(?:all\s+)?(?:done|good)(?:\s+for\s+now)?|done\s+for\s+now|"
    r"signing\s+off|talk\s+(?:to\s+you\s+)?later|ttyl|have\s+a\s+good\s+(?:one|day|night|weekend)"
    r"|catch\s+you\s+later|"
    r"gotta\s+go|i'?ll\s+(?:take\s+it|go)\s+from\s+here|wish\s+me\s+luck)\b[\s!.,:)]*"
    r"(?:(?:and\s+)?(?:thanks?|bye|cheers)[\s!.:)]*)?$",
    re.I,
)
# Looser thanks and goodbye words, for short messages nothing else read ("thx that helps a lot",
# "gotta run, ttyl", "that's everything, have a good one").
THANKS_WORDS_RE = re.compile(
    r"\b(?:thanks?|thank\s+you|thx|thnx|tx|ty|tysm|cheers|appreciate(?:d)?|grateful|helpful|(?:that|this)\s+helps"
    r"|helps\s+a\s+lot|you'?re\s+(?:the\s+best|a\s+star|awesome)|legend|lifesaver)\b",
    re.I,
)
GOODBYE_WORDS_RE = re.compile(
    r"^(?:ok(?:ay)?\s+)?later\b|\b(?:bye|goodbye|cya|see\s+(?:ya|you)|ttyl|talk\s+(?:to\s+you\s+)?(?:later|soon|tomorrow)"
    r"|gotta\s+(?:run"
    r"|go|jump)|have\s+a\s+(?:good|great|nice|lovely)\s+(?:one|day|night|evening|weekend|week|morning|afternoon|rest)|that'?s\s+(?:all|it|everything)|signing\s+off|i'?m\s+off"
    r"|catch\s+you|logging\s+off|peace(?:\s+out)?|heading\s+out|done\s+for\s+(?:now|today)|ta-?ra|cheerio|ciao|laters"
    r"|(?:i'?ll|will)\s+(?:come|be|check)\s+back\s+(?:after|later|tomorrow|once|when))\b",
    re.I,
)
FORGET_RE = re.compile(
    r"^(?:please\s+|pls\s+|kindly\s+|can\s+you\s+|could\s+you\s+|i'?d\s+like\s+you\s+to\s+|i\s+want\s+you\s+to\s+)?"
    r"(?:delete|erase|wipe|forget|remove|clear)\s+(?:all\s+)?"
    r"(?:of\s+)?(?:me|(?:my|the)\s+(?:data|info|information|details|case|stuff|offer|numbers)|everything|all\s+(?:of\s+)?(?:it"
    r"|this|my\s+\w+)|what\s+i\s+(?:told|gave)\s+you"
    r"|(?:whatever|what|everything|anything)\s+(?:you(?:'ve|\s+have)?\s+)?(?:stored|saved|kept|have|know|got)"
    r"(?:\s+(?:on|about|of)\s+me)?)\b",
    re.I,
)
# Pictographs and symbols ("ty 🙏", "later 👋"): no words, so anchored patterns read the words alone.
SYMBOLS_RE = re.compile(r"[^\w\s'!?.,:;()$£€%/&+-]+")
GREETING_RE = re.compile(
    # (greetings of other languages arrive as "hello": bot/understanding/loanwords.py)
    r"^(?:(?:hi+|hello+|hey+|hiya|heya|yo|(?:good\s+)?(?:morning|afternoon|evening)|howdy|sup)\b[\s!.,]*)+"
    r"(?:there|coach|bot|comp\s+coach|friend|all|team|everyone|folks|anyone\s+(?:home|there|around)|to\s+(?:you|u|all))?"
    r"(?:\s+from\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)?[\s!.?]*$",
    re.I,
)
# "what u can do?", "how this works, what can you help me with": the commands' words, as typed
# "thinking to decline, they not moving": leaving the offer on the table, said (before the pushback it names)
DECLINING_RE = re.compile(
    r"\b(?:thinking|think(?:ing)?\s+about|considering|leaning\s+towards?|ready)\s+(?:to\s+|of\s+|about\s+)?"
    r"(?:declin(?:e|ing)|turn(?:ing)?\s+(?:it|them|this|the\s+offer)\s+down|walk(?:ing)?\s+away)\b",
    re.I,
)
HELP_RE = re.compile(
    r"(?:^|(?<=[,.;!])\s*)(?:(?:so|ok|hi|hey|wait|but)\W*\s+)?(?:what\s+(?:all\s+)?(?:(?:can\s+)?(?:you|u)\s+(?:can\s+)?(?:actually\s+|really\s+)?do|can\s+(?:you|u)\s+(?:actually\s+|really\s+)?help(?:\s+me)?\s+with)"
    r"|how\s+(?:does\s+)?(?:this|it|you)\s+works?)\b"
    # "what can this bot do for a nurse going into tech?"
    r"|^(?:(?:so|ok|okay|hi|hey)\W*\s+)?what\s+(?:can|could|does)\s+(?:this|the)\s+(?:bot|app|coach|tool|thing)\s+"
    r"(?:actually\s+|really\s+)?(?:do|help\s+(?:me\s+)?with)\b"
    r"|\bremind\s+me\s+what\s+you(?:'re|\s+are)?\s+(?:able\s+to|can)\s+(?:help|do)\b"
    # "what things you can do for me?", "which stuff can you do": the question as written in a second language
    r"|^(?:(?:so|ok|okay|hi|hey)\W*\s+)?(?:what|which)\s+(?:things|stuff)\s+(?:can\s+)?(?:you|u)\s+(?:can\s+)?(?:do|help)\b"
    # "wait what else can you help with", "what else do you do"
    r"|^(?:(?:so|ok|okay|hi|hey|wait|and)\W*\s+)?what\s+else\s+(?:can|could|do)\s+(?:you|u)\s+(?:help(?:\s+(?:me\s+)?with)?|do)\b",
    re.I,
)
# "Good morning. I hope you're well; I'd like to pick up where we left off", "Hello again — I'm back"
GREETING_LONG_RE = re.compile(
    r"^(?:hi|hello|hey|good\s+(?:morning|afternoon|evening))\b(?:\s+again)?\W+(?=.*\b(?:hope\s+you|pick\s+up\s+where"
    r"|i'?m\s+back|back\s+again|where\s+we\s+left\s+off|continue\s+where|(?:you|u)\s+(?:around|there|free|up)(?=\s*\?)"
    # "hey hi so I got some news": a greeting that announces what comes next, before saying it
    r"|i\s+(?:got|have)\s+(?:some\s+)?(?:news|an?\s+update)\s*[.!]*$)\b)|^hello\s+again\b",
    re.I,
)
# "Could you summarise where we've got to?", "What do you currently have noted down for me?"
STATUS_ASKED_RE = re.compile(
    r"\b(?:summari[sz]e|recap)\s+(?:where|what|the\s+(?:case|figures|numbers))|\bwhere\s+we(?:'ve|\s+have)\s+got\s+to\b"
    r"|\bwhat\s+do\s+you\s+(?:currently\s+|now\s+)?have\s+(?:noted|on\s+record|recorded|written\s+down)"
    # "can you remind me what you've got written down for my offer so far"
    r"|\bwhat\s+you(?:'ve|\s+have)?\s+(?:got\s+)?(?:written\s+down|noted(?:\s+down)?|on\s+(?:record|file)|recorded"
    r"|saved|stored)\b"
    r"|\bremind\s+me\s+where\s+we\s+(?:are|landed|stand|left\s+(?:off|it))\b|\bi'?ve\s+lost\s+track\b"
    r"|\b(?:figures|numbers)\s+you\s+have\s+(?:on\s+record|noted)\b"
    # "what did I tell you the base was", "remind me where we're at", "where do we stand"
    r"|\bwhat\s+(?:did|have)\s+i\s+(?:tell|told|give|given|say|said)\s+(?:to\s+)?(?:you\s+)?(?:the|my|about)\b"
    r"|\bwhere\s+(?:we(?:'re|\s+are)|are\s+we|do\s+we\s+stand|we\s+stand)\s+(?:at|now|so\s+far)?\s*[?.!]*$"
    r"|\bwhere\s+do\s+things\s+stand\b"  # "where do things stand on the ps numbers?"
    r"|^recap\b"  # "recap please, nasaan na tayo?"
    r"|\bwhat\s+(?:numbers|figures)\s+do\s+you\s+(?:have|hold|show)\b"  # "what numbers do you have for me right now?"
    r"|\bremind\s+me\s+(?:of\s+)?(?:where|what)\s+(?:we(?:'re|\s+are)|the\s+(?:numbers|figures|offer)\s+(?:is|are|was|were))\b",
    re.I,
)
# a message that opens with thanks ("Thank you; that is genuinely very helpful", "Many thanks for the draft —")
THANKS_LEAD_RE = re.compile(r"^(?:thank\s+you|thanks|many\s+thanks|much\s+appreciated)\b", re.I)
# "lets start over from zero", "reset, new negotiation different company"
START_OVER_RE = re.compile(
    # "this is all mixed up now, let's start from scratch": said after a first clause too
    r"(?:^|^[^.!?]{0,60}?[,.;!:]\s*)(?:(?:ok|okay|so)\W*\s+)?(?:(?:scrap|forget|ignore|drop)\s+(?:all\s+)?(?:that|this|of\s+that|everything)"
    r"(?:\W*\s+and\s+|\W*\s+))?"
    r"(?:let'?s\s+|(?:can|could|shall)\s+we\s+|i\s+want\s+to\s+)?(?:(?:start|begin)\s+(?:over|again|fresh|from\s+(?:zero"
    r"|scratch|the\s+(?:top|beginning)))|reset|restart|new\s+negotiation|from\s+scratch)\b",
    re.I,
)
# "need decline the other offer nicely, write me something": the words to say no, asked for
SAY_NO_ASKED_RE = re.compile(
    r"\b(?:say\s+no|decline|turn\s+(?:it|them|(?:the|this|that)\s+(?:other\s+)?offer|[a-z][\w.-]*)\s+down|turn\s+down)\b"
    r".{0,40}\b(?:nicely"
    r"|politely|gracefully|graciously|kindly|without\s+burning|professionally)\b"
    r"|\b(?:politely|nicely|gracefully|kindly)\s+(?:say\s+no|decline|turn\s+down|reject|tell\s+(?:\w+\s+){0,2}no)\b"
    r"|\b(?:polite|gracious|graceful|kind|nice)\s+(?:decline|no|rejection)\b",
    re.I,
)
EMAIL_RE = re.compile(
    r"^(?:an?\s+)?e-?mail(?:\s+(?:please|pls|version|draft|it))?\W*$"
    # "now as an email", "and as an email?", "same thing as an email pls": what was given, asked for in writing
    r"|^(?:(?:ok|okay|now|and|then|great|thanks)\W*\s+)*(?:(?:the\s+)?same(?:\s+thing)?\s+|(?:that|it)\s+)?as\s+an?\s+e-?mail"
    r"(?:\s+(?:please|pls|too|now))?\W*$"
    # (never "they want a reply to my counter by tomorrow": theirs, a deadline)
    r"|\b(?:write|draft|compose|give\s+me|send\s+me|(?<!they\s)(?<!she\s)(?<!he\s)(?:need|want)|prepare"
    r"|help\s+(?:me\s+)?(?:write|with)"
    r"|can\s+you\s+(?:do|write|draft)"
    r"|could\s+you\s+(?:do|write|draft)|how\s+(?:do|should)\s+i\s+(?:write|word|phrase))\b.{0,40}\b(?:e-?mail|reply|"
    r"response|written\s+counter|message\s+to\s+(?:the\s+|my\s+)?(?:recruiter|manager|hiring\s+manager|boss|hr)|letter)\b"
    r"|\bwrite\s+(?:me\s+)?something\s+(?:i\s+can\s+|to\s+)send\b|\bsomething\s+i\s+can\s+send\b"
    r"|\b(?:write|draft)\s+(?:me\s+)?a\s+(?:short\s+|quick\s+|brief\s+)?(?:note|message)\b"
    r"|\b(?:e-?mail|written)\s+(?:version|draft|counter|template)\b|\bput\s+(?:it"
    r"|this)\s+in\s+(?:an\s+)?(?:e-?mail|writing)\b"
    r"|\bwrite\s+(?:it|them|back)\s*(?:up)?\b|\bwhat\s+(?:do|should)\s+i\s+(?:write|reply)\b"
    r"|\b(?:help\s+me|(?:can|could)\s+you(?:\s+help\s+me)?)\s+(?:reply|respond|write\s+back)\b"
    r"|\b(?:say|put|write|include)\s+(?:in|for)\s+(?:the|my|an?|this|that)\s+(?:e-?mail|reply|message)\b",
    re.I,
)
PHONE_RE = re.compile(
    r"^(?:a\s+|the\s+)?(?:phone|call)\s+(?:script|version|notes|prep)\W*$|^(?:a\s+|the\s+)?script(?:\s+please)?\W*$"
    r"|^(?:and\s+)?(?:a\s+)?phone\s+script\b|\b(?:give|write|draft|need|want|send|prep(?:are)?"
    r"|make)\b.{0,30}\b(?:phone|call)\s*"
    r"script\b|\bscript\s+for\s+(?:the|my|a)\s+(?:call|phone|conversation|chat)\b|\btalking\s+points\b"
    r"|\bwhat\s+(?:exactly\s+)?(?:do|should|can)\s+i\s+(?:exactly\s+)?say\b|\bhow\s+(?:do|should)\s+i\s+(?:say|handle|open|start|run)\b.{0,30}"
    r"\b(?:call|phone|conversation)\b|\b(?:prep|prepare|ready)\s+(?:me\s+)?for\s+(?:the|my|a)\s+(?:call|phone)"
    r"|\bscript\s+for\s+(?:the|my|a|this)\s+(?:\w+\s+)?(?:call|phone|conversation|chat)\b"
    r"|\b(?:give|send)\s+me\s+(?:a|the)\s+script\b|\b(?:write|draft|need|want|make)\s+(?:me\s+)?(?:a|the)\s+script\b"
    r"|\bwhat\s+(?:do|should|can)\s+i\s+tell\s+(?:them|the\s+recruiter|hr)\b"
    r"|\bwords?\s+(?:for|to\s+use\s+on)\s+the\s+(?:call|phone)\b|\bon\s+the\s+phone\b.{0,20}\bwhat\b"
    r"|\bwhat\s+words?\s+(?:to|should\s+i|do\s+i)\s+(?:use|say)\s+(?:on|in|during)\s+(?:the\s+)?(?:phone|call)\b"
    r"|\b(?:get|have|see|use|got)\s+(?:a|the|my|some)\s+(?:phone|call)\s+(?:script|version|notes)\b",
    re.I,
)
COUNTER_RE = re.compile(
    r"^(?:the\s+)?counter(?:\s+(?:please|offer))?\W*$|\bwhat\s+(?:should|do|can)\s+i\s+(?:ask|counter|push)\b"
    # "kitna maangu?" (Hinglish), "¿cuánto pido?" (Spanish): how much to ask for
    r"|\bkitna\s+ma+n?g\w*|\bcu[aá]nto\s+(?:pido|pedir|debo\s+pedir)\b"
    r"|\bhow\s+much\s+(?:should|can|do)\s+i\s+(?:ask|counter|push|request)\b|\bhow\s+much\s+i\s+should\s+(?:ask|counter)\b"
    r"|\bask(?:ing)?\s+(?:for\s+)?\d+(?:\.\d+)?\s?%\s+more\b|\btoo\s+(?:aggress?ive|greedy|much\s+to\s+ask)\b"
    r"|\b(?:build|make|give\s+me|show\s+me|"
    r"what'?s|what\s+is|help\s+me\s+(?:with|build|make)|write(?:\s+me)?|draft(?:\s+me)?|put\s+together"
    r"|come\s+up\s+with)\s+(?:me\s+)?(?:the|a|my)\s+counter\b"
    # "redo the counter but lean on equity", "rebuild the counter from where things stand now"
    r"|\b(?:redo|re-?do|rebuild|recalculate|recompute|rework|re-?run|regenerate|update|refresh|adjust|tweak)\s+"
    r"(?:the|my|your|that)\s+counter\b|\bcounter[- ]?offer\b.{0,20}\?"
    r"|\bhelp\s+me\s+negotiate\b|\bhow\s+(?:do|should)\s+i\s+negotiate\b|\bmy\s+targets?\b|\bwhat\s+(?:are|is)\s+"
    r"(?:my|the)\s+(?:targets?|anchor|ask)\b|\bnegotiate\s+(?:this|it|up)\b|\blet'?s\s+(?:counter|negotiate)\b"
    r"|\b(?:what\s+if|could|can|should|would\s+it\s+be\s+ok\s+to)\s+i\s+(?:ask|get|push|counter|request)\b"
    r"|\bmy\s+counter\b|\bwhat\s+to\s+(?:ask|counter|push)\s+(?:for|with)\b"
    r"|\bask\s+for\s+(?:more|a\s+(?:higher|bigger))\b|\bready\s+to\s+(?:counter|negotiate)\b"
    r"|\bwhat\s+(?:number|figure|amount)\s+(?:should|do|can|would)\b|\bgo\s+back\s+(?:to\s+them\s+)?with\b"
    r"|\bwhat(?:'?s|\s+is)\s+(?:my|the|an?)\s+(?:(?:good|reasonable|fair|smart|solid|sensible|realistic|decent"
    r"|strong|aggressive|safe)\s+)?(?:ask|counter|number|target|anchor)\b|\bhow\s+(?:high"
    r"|much)\s+can\s+i\b",
    re.I,
)
# Using another offer to get more is a counter, whatever else the sentence names.
COUNTER_LEVERAGE_RE = re.compile(
    r"\b(?:use|leverage|play)\s+(?:the\s+|my\s+|that\s+|this\s+)?(?:\w+\s+){0,2}(?:offer|one|number)\b"
    r"|\bshould\s+i\s+(?:mention|bring\s+up|tell\s+(?:them|the\s+recruiter|hr)(?:\s+about)?|share|disclose)\b"
    # "should i let planetscale know neon offered 185k": a rival's offer told to the company discussed
    r"|\b(?:tell|let|inform|show)\s+(?:\w+\s+){1,2}(?:know\s+)?(?:that\s+|about\s+)?(?:\w+\s+){0,2}"
    r"(?:offered|is\s+offering|gave\s+me|came\s+in)\b",
    re.I,
)
# "they agreed to lift the sign-on to 25k": a change the company agreed to, not a deal done
_RAISE = r"(?:lift|raise|increase|bump|up|boost|improve|add|move|go\s+up|match|extend)\b"
ACCEPTED_RE = re.compile(
    # not "haven't signed", "just signed nothing yet", "never accepted": a refusal to, or no step yet
    r"\b(?:i\s+)?(?<!n't\s)(?<!not\s)(?<!never\s)(?<!nt\s)(?:accepted|(?:counter)?signed(?!\s+(?:nothing|anything|off)\b)"
    r"(?:\s+(?:it|the\s+offer))?|took\s+(?:it|the\s+offer)|said\s+yes|"
    # "they have agreed to employ me through their UK entity": theirs, and no acceptance of the offer
    r"(?<!have\s)(?<!has\s)(?<!they\s)agreed\s+to(?!\s+[$£€]?\d|\s+" + _RAISE + r"|\s+(?:employ|hire|let|give|pay))"
    r"|we\s+agreed|deal\s+(?:is\s+)?done|it'?s\s+a\s+deal"
    r"|they\s+agreed(?!\s+to\s+[$£€]?\d|\s+to\s+" + _RAISE + r")|they\s+said\s+yes|"
    r"closed\s+the\s+deal|i'?m\s+(?:going\s+to\s+)?(?:accept|sign)(?:ing)?\b"
    r"|told\s+(?:them|the\s+recruiter|hr|her|him)\s+(?:yes|i'?m\s+in|i\s+accept)|gave\s+(?:them\s+)?(?:my\s+)?"
    r"(?:verbal\s+)?yes|verbal(?:ly)?\s+accepted"
    # "I'll accept", "decided to take it": said as done, unless a condition follows ("I'll accept if ...")
    r"|(?:i'?ll|i\s+will|i'?m\s+gonna|(?:i'?ve\s+)?decided\s+to)\s+(?:accept|sign|take)\b"
    r"(?:\s+(?:it|the\s+offer|their\s+offer|this\s+one))?(?!\s+(?:if|only|when|once|unless|as\s+long)\b))",
    re.I,
)
REVISED_RE = re.compile(
    # "they agreed to lift the signing bonus to 25k": a raise the company agreed to
    r"\b(?:(?:agreed|willing|able|prepared|happy)\s+to|(?:we|they)\s+(?:can|could)(?:\s+now)?)\s+"
    + _RAISE
    + r"[^.;!?]{0,40}\bto\s+[$£€]?\d|"
    r"\b(?:came|come)\s+back\b(?!\s+(?:to\s+me\s+)?with\s+(?:an|their|the)\s+(?:offer|numbers)\b)|\b(?:second|another|new)\s+(?:offer|round|version)\s+from\s+(?:them|the\s+recruiter|hr)\b|\brevis(?:ed|ion)\b|\bupdated\s+(?:offer|numbers|package)\b|\bamended\s+(?:offer|terms|letter)\b"
    r"|^\s*final\s*:\s*[$£€]?\d|\bnow\s+put\b|\b(?:fresh|improved)\s+(?:offer|numbers|package|figures)\b|\bnew\s+(?:offer|numbers|"
    r"package)\b|\b(?:bumped|raised|increased|upped|improved|moved)\b|\bnow\s+(?:offering|at|say)\b|(?<!right\s)\bnow\s+(?:it'?s\s+)?[$£€]?\d|\bwent\s+up\b"
    # "nos subieron la oferta", "mejoraron" (Spanish); "revise kiya", "badha diya" (Hinglish): raised
    r"|\b(?:subieron|mejoraron|aumentaron|revise\s+(?:kiya|kar\s+diya)|badha\s+diya|badhaya)\b"
    # "now they give 182k base", "they increase the stock by 25k": the change, in the present tense of a second language
    r"|\bnow\s+they\s+(?:give|offer|put|pay)\b"
    r"|(?<!if\s)(?<!can\s)(?<!will\s)(?<!would\s)(?<!could\s)(?<!should\s)(?<!to\s)(?<!when\s)\bthey\s+(?:increase|raise"
    r"|improve|bump|add)\s+(?:the\s+|my\s+)?(?:base|stock|equity|salary|bonus|sign[- ]?on|rsus?|offer)\b(?=[^?]*$)"
    r"|\b(?:emailed|wrote|called|texted|messaged)\s+(?:me\s+)?back\b|\bnew\s+number\b"
    r"|\bsweeten(?:ed)?\b|\bnow\s+offer|\boffered\s+.{0,25}\bnow\b|\bmatched\b|\bagreed\s+to\s+\$?\d"
    r"|\bbetter\s+offer\b|\boffered\s+more\b|\bcountered\s+(?:with|at)\b|\bbump\b"
    r"|\bcounter(?:ed)?\s+back\b|\b(?:got|gotten|received)\s+(?:the\s+)?approval\b|(?<!already\s)\bapproved\b"
    r"|\badded\s+(?:an?\s+)?(?:extra\s+|another\s+)?[$£€]?\d|\b(?:can|could|will|would|'d)\s+add\s+(?:an?\s+)?[$£€]?\d|\b(?:can|could)\s+(?:now\s+)?do\s+[$£€]?\d[^.;!?]*\bnow\b"
    # "couldnt do the 215k i asked for. but they can do 200k base": what they can do instead of the ask
    r"|\b(?:couldn'?t|could\s+not|can'?t|cannot)\s+do\b[^.;!?]{0,60}[.;]?\s*but\s+(?:they|we|she|he)\s+(?:can|could)\s+do\s+[$£€]?\d"
    r"|\bafter\s+(?:i|my)\s+counter(?:ed)?\b|\bafter\s+(?:negotiating|(?:some\s+)?negotiation|pushing\s+back)\b"
    r"|\bstretch(?:ed)?\s+to\b|\b(?:went|go|gone|goes|going|moves|moving)\s+(?:up\s+)?to\s+[$£€]?\d"
    # "the recruiter got the sign-on up by 10k", "pushed the base up to 190k": raised on the person's behalf
    r"|\b(?:got|pushed|brought|moved)\s+(?:the\s+|my\s+|their\s+)?(?:base|salary|equity|stock|rsus?|options|bonus"
    r"|sign[- ]?on|signing(?:\s+bonus)?|offer|package)\s+up\s+(?:by|to)\b"
    # a change said as a delta or a move: "+15k sign-on", "another 5k", "up 10k", "from 175k to 185k"
    r"|(?:^|[\s:(])\+[$£€]?\d|\b(?:another|an\s+extra|extra)\s+[$£€]?\d|\b(?:went|go|goes|moved)\s+up\s+[$£€]?\d"
    r"|\bfrom\s+[$£€]?\d[\d,.]*\s*k?\s+(?:up\s+)?to\s+[$£€]?\d|\bup\s+[$£€]?\d[\d,.]*\s*k?\s+to\s+[$£€]?\d"
    # "they gave 10k more in stock, so 110k now": a delta, then the figure it makes
    r"|[$£€]?\d[\d,.]*\s*k?\s+more\b[^.;!?\d]{0,30}\b(?:so|now|which\s+makes)\b[^.;!?\d]{0,12}[$£€]?\d|\b(?:can|could)\s+now\s+(?:do|offer|go)\b"
    r"|\bnow\s+(?:they'?re|they\s+are|she'?s|he'?s|it'?s)\s+(?:saying|offering|at|willing)\b"
    # "they're offering a $15k signing bonus now, base unchanged": the offer as it stands now, said after
    r"|\b(?:they'?re|they\s+are)\s+(?:now\s+)?offering\b[^.;!?]{0,50}\bnow\b(?!\s+(?:or|and\s+i)\b)"
    # "final offer came in: £95k base": the last round's figures, news of a changed offer
    # "the updated base is 188k", "the latest number is 190k base", "the new base they're offering is 185k",
    # "they came up on equity: 130k now", "sign on went from 10k to 20k", "they came up 6k on base"
    r"|\bthe\s+(?:updated|latest|new|revised|improved|higher)\s+(?:base|salary|equity|stock|rsus?|bonus|sign[- ]?on"
    r"|number|numbers|figure|figures|total|package)\b(?=[^.;!?]{0,30}\b(?:is|are|now)\b)"
    r"|\bcame\s+up\b|\bwent\s+from\s+[$£€]?\d|\b(?:doubled|tripled|halved)\s+to\b"
    r"|\bfinal\s+(?:offer|numbers|package)\s*(?:(?:just\s+|finally\s+)?(?:came|arrived|landed|(?:is|are)\s+(?:in|here))|letter|(?::|-\s)\s*[$£€]?\d)",
    re.I,
)
CORRECTION_RE = re.compile(
    r"^(?:(?:oh|hmm+|ah|ok(?:ay)?|um+|uh+|so|no|ugh+|argh+|lol|omg|welp)\W*\s+)?(?:actually|correction"
    # "base is 187k not 178k, too much coffee": a figure put in place of another, wherever it is said
    r"|.*?\b\d[\d,.]*\s*[kK%]?\s+not\s+[$£€]?\d[\d,.]*\s*[kK%]?(?![\w.])"
    # "sorry this is long": an apology for the message, not for a figure
    r"|sorry(?!\s+(?:this\s+is|it'?s|for\s+(?:the|this|my)\s+(?:long|late|wall|rant|essay|ramble)|to\s+(?:bother|ramble|vent)))|apologies|oops|wait|no\s*,\s*|no\s+wait|oh\s*,\s*|my\s+(?:bad|mistake)|i\s+mis(?:typed|spoke)"
    r"|scratch\s+that|whoops|err?|galti|perd[oó]n|me\s+equivoqu[eé])\b|\bmy\s+(?:mistake|bad)\b|\bi\s+was\s+wrong\b|\b(?:small|quick|one|tiny)\s+(?:fix|correction)\b|\bi\s+(?:typed|wrote|put|entered)\s+(?:it|that|this|the\s+\w+)\s+wrong\b"
    r"|\bi\s+meant\b|\btypo\b|\bi\s+mis-?(?:stated|quoted|reported|wrote)\b|\bto\s+correct\s+(?:my|what\s+i|the|an?)\b|\b(?:was|were|is)\s+wrong\b|^correction\b|\blet\s+me\s+(?:fix|correct|redo)\b"
    r"|\bfix(?:ing)?\s+that\b|\bi\s+got\s+(?:that|it|the\s+\w+)\s+wrong\b|\bmis(?:typed|read|spoke|remembered)\b|\bnot\s+\$?\d[\d,.]*k?\s*,?\s*(?:but"
    r"|it'?s)\b|\bi\s+(?:said"
    r"|wrote)\s+.{1,20}\s+(?:but|should)\b"
    r"|\bnot\s+[$£€]?\d[\d,.]*\s*(?:k|%)?\s*[.!]?\s*$|\bi\s+rounded\b|\bshould\s+(?:be|have\s+been)\s+\$?\d|\bit'?s\s+actually\b|\bis\s+actually\b|,\s*not\s+\w+\s*$"
    r"|\bnot\s+\w+\s*,\s*it'?s\b"
    # "equity is 95k actually": a figure put right, said after it; "mistake, ... not per year"; "i said stripe
    # but its actually square"
    r"|\d\s*[km]?\s+actually\s*[.!]*\s*$"
    r"|^(?:oops\W*\s*)?mistake\b|^(?:a\s+|one\s+)?correction\b|\bnot\s+(?:per|a|each)\s+(?:year|month)\s*[.!]*$"
    r"|\bi\s+said\s+[\w&.'-]+(?:\s+[\w&.'-]+)?\s+but\s+(?:it'?s|its|it\s+is)\b"
    # the coach's reading put right: "you've got it backwards", "you have my base wrong", "you mixed up the bonus"
    r"|\byou(?:'ve|\s+have)?\s+(?:got\s+|read\s+|put\s+|have\s+)?(?:it|that|this|them|my\s+[\w-]+(?:\s+[\w-]+)?|the\s+[\w-]+)"
    r"\s+(?:wrong|backwards|mixed\s+up|switched|swapped|the\s+wrong\s+way\s+round)\b"
    r"|\byou\s+(?:mixed|misread|swapped|switched)\s+(?:up\s+)?(?:it|that|them|my|the)\b"
    r"|,\s*not\s+an?\s+(?:dollar\s+(?:amount|figure|value)|bonus|sign[- ]?on|salary|raise|grant)\s*[.!]*$",
    re.I,
)
# "I'd stay at Kaiser", "I'd stay where I am": staying, told as the alternative (with today's pay alone, no floor)
STAYING_PUT_RE = re.compile(r"\bi(?:'ll|'d|\s+will|\s+would)\s+(?:just\s+)?stay\b", re.I)
WALK_AWAY_RE = re.compile(
    r"\bwalk[- ]?away\b|\bmy\s+(?:(?:absolute|hard|bare|real)\s+)?(?:minimum|min|floor|bottom\s+line)\b"
    # "floor is 350k base, full stop", "bottom line: 300k": the floor said first, without "my"
    r"|^\s*(?:the\s+)?(?:(?:hard|absolute)\s+)?(?:floor|minimum|bottom\s+line)\s*(?:is|:|=|-)\s*(?:[A-Z]{0,3}[$£€₹¥])?\d"
    # "anything less and I stay put", "anything lower and I walk"
    r"|\banything\s+(?:less|lower|under\s+that|below\s+that)\b[^.;!?]{0,12}\band\s+i(?:'?m|'?ll)?\s+(?:stay|walk|pass|out"
    r"|decline|staying|walking)"
    r"|^\s*(?:como\s+)?m[ií]nimo\b"  # "mínimo necesito €95k de base" (Spanish, Portuguese)
    r"|\bmy\s+(?:bottom|lowest|minimum|floor|walk[- ]?away)\s+(?:number|figure|price)\b"
    # "i wouldn't switch jobs for under 200k", "unless they get to 192k i'm not moving", "210k total or i'm
    # staying", "my number to walk is 215k", "below 220k it's not worth leaving", "at least 190k to make the move"
    r"|\bwouldn'?t\s+(?:switch|move|leave|jump|change)\b[^.;!?]{0,25}\b(?:under|below|less\s+than)\b"
    r"|\bunless\b[^.;!?]{0,40}\bi'?m\s+not\s+(?:moving|leaving|switching|going|taking\s+it)\b"
    r"|\bor\s+(?:else\s+)?i'?m\s+(?:staying|not\s+(?:moving|leaving|switching))\b|\b(?:number|line)\s+to\s+walk\b"
    r"|\bnot\s+worth\s+(?:leaving|moving|switching|the\s+move|the\s+switch)\b"
    # "honestly anything under 40 LPA fixed and i'm not moving"
    r"|\banything\s+(?:under|below|less\s+than|lower\s+than)\b[^.;!?]{0,40}\b(?:i'?m\s+not\s+(?:moving|leaving|switching|going|taking)"
    r"|i'?m\s+out|no\s+deal|i\s+(?:walk|pass|stay))\b"
    r"|\bat\s+least\s+[$£€]?\d[^.;!?]{0,30}\bto\s+(?:make\s+the\s+(?:move|switch|jump)|move|switch|leave|jump)\b"
    r"|\bminimum\s+for\s+me\b|\b(?:hard|absolute|bare)\s+(?:floor|minimum|min)\b"
    # "195k base is non-negotiable for me", "i'd rather stay than take less than 200k", "my line in the sand"
    r"|\bnon[- ]?negotiable\s+for\s+me\b|\brather\s+stay\b[^.;!?]{0,30}\b(?:less|under|below)\b"
    r"|\bline\s+in\s+the\s+sand\b"
    # "need 195k base min", "under 190k base = no", "200k total is the least i'd take"
    r"|\bneed\s+[$£€]?\d[^.;!?]{0,20}\b(?:min|minimum)\b|\bi\s+need\s+at\s+least\s+[$£€]?\d|\b(?:under|below|less\s+than)\s+[$£€]?\d[^.;!?]{0,20}(?:=|is\s+a|'s\s+a)\s*"
    r"(?:no|pass|hard\s+no|dealbreaker)\b|\bthe\s+least\s+i(?:'d|\s+would|\s+will|'ll)\s+(?:take|accept|do)\b|\bis\s+my\s+(?:\w+\s+)?(?:floor|minimum|min|limit|line|bottom\s+line)\b"
    r"|\bnothing\s+(?:less\s+than|lower\s+than|below|under)\b|\bi'?m\s+staying\s+(?:where\s+i\s+am|put)\b|\bat\s+least\s+[$£€]?\d[^.;!?]{0,40}"
    r"\bor\s+(?:i'?m|i'?ll|i\s+will|else)\b|\bi'?m\s+walking\b|\bi'?(?:ll|d)\s+(?:just\s+)?(?:walk|stay|decline)\b"
    r"|\b(?:if|unless)\b[^.;!?]{0,40}\bi(?:'ll|'d|'m|\s+will|\s+would|\s+am)\s+(?:just\s+)?(?:pass|out|done|say\s+no"
    r"|turn\s+it\s+down|decline|walk(?:\s+away)?|stay(?:ing)?)\b"
    # "I would not be in a position to accept anything below 190k", "I cannot justify leaving for less than 200k"
    r"|\b(?:accept|take|consider|sign\s+for)\s+anything\s+(?:below|under|less\s+than|lower\s+than)\b"
    r"|\b(?:justify|consider|contemplate)\s+(?:leaving|moving|switching|jumping)\b[^.;!?]{0,30}\bfor\s+(?:less\s+than"
    r"|under|below|anything\s+(?:less|under|below))\b"
    r"|\blowest\s+i(?:'d|\s+would|'ll|\s+will|\s+can)\b|\bi'?m\s+out\s+if\b"
    r"|\bwouldn'?t\s+(?:go|take)"
    r"\s+(?:anything\s+)?(?:below|under|less)\b|\bwon'?t\s+(?:go|take)\s+(?:anything\s+)?(?:below|under|less)\b"
    r"|\b(?:won'?t|wouldn'?t|will\s+not|would\s+not|can'?t|cannot|not\s+going\s+to|don'?t|do\s+not|never)\s+"
    r"(?:accept|take|go|do|sign"
    r"|consider)\s+(?:for\s+)?(?:anything\s+)?(?:less|below|under|lower)\b|\bmin(?:imum)?\s+(?:i'?d|i\s+would"
    r"|i\s+will|i\s+can|i'?ll)\s+(?:accept|take|do|consider|go)\b|\b(?:below|under|less\s+than)\s+[$£€]?\d[\d,.]*"
    r"\s*k?\b.{0,30}\b(?:i'?m\s+out|walk(?:ing)?|no\s+deal|pass|decline|stay|not\s+interested)\b"
    r"|\bdeal[\s-]*breaker\b|\bmy\s+(?:number|line)\s+is\b"
    r"|\bi'?d\s+need\s+(?:at\s+least|a\s+minimum\s+of)\s+[$£€]?\d[^?]{0,40}\bto\s+(?:move|switch|leave|jump|sign)\b"
    # a floor said through leaving: "i'd need 230k total to leave my job", "i'd only switch for 215k or more",
    # "i won't move for less than 210k", "i'm not leaving for under 205k", "188k base minimum or i'll pass",
    # "225k total comp or i decline"
    r"|\bi\s*(?:'d|\s+would)?\s*(?:only\s+)?need\s+[$£€]?\d[^?]{0,40}\bto\s+(?:move|switch|leave|jump)\b"
    r"|\b(?:i'?d|i\s+would|i'?ll|i\s+will)\s+only\s+(?:leave|move|switch|jump|go)\s+for\b"
    r"|\b(?:won'?t|wouldn'?t|will\s+not|would\s+not|not)\s+(?:be\s+)?(?:move|moving|leave|leaving|switch|switching"
    r"|jump|jumping|quit|quitting|give\s+up|giving\s+up)\s+"
    # "I won't leave the desk for less than 250k", "not quitting my job for under 200k", "won't give up tenure for ..."
    r"(?:(?:my|the|this|a)\s+)?(?:[\w-]+\s+){0,2}?for\s+(?:less\s+than|under|below|anything\s+(?:less|under|below))\b"
    r"|[$£€]?\d[\d,.]*\s*k?\b[^.;!?]{0,30}\b(?:minimum\s+)?or\s+i'?(?:ll|\s+will)?\s*(?:pass|decline|walk|stay)\b"
    # "i'd turn it down under 190k base", "i'll say no to anything below 200k", "200k total or nothing"
    r"|\bi\s*(?:'d|'ll|\s+would|\s+will)\s+(?:just\s+)?(?:turn\s+(?:it|them|that)\s+down|decline|pass|say\s+no|walk)"
    r"(?:\s+(?:on|to)\s+(?:it|that|anything|them))?\s+(?:if\s+(?:it'?s|they\s+(?:offer|go|come\s+in))\s+)?"
    r"(?:under|below|for\s+less\s+than|less\s+than|lower\s+than)\b"
    r"|[$£€]?\d[\d,.]*\s*k?\b[^.;!?]{0,30}\bor\s+(?:nothing|bust|no\s+deal|no\s+dice|i'?m\s+gone|i\s+walk)\b",
    re.I,
)
# "is the sign on negotiable?", "is there room on base?", "can they move on equity?": asked, nothing said fixed
# Items of an offer no band part covers, asked about: the coach's general answer (`other`)
OTHER_ITEM_RE = re.compile(
    r"\b(?:pto|paid\s+time\s+off|time\s+off|vacation|holidays?|start\s+date|relocation(?:\s+assistance)?|title"
    r"|annual\s+leave|leave\s+days)\b"
    r"[^?]{0,60}\b(?:negotiable|reasonable|normal|typical|ask|push)\b"
    r"|\b(?:negotiable|negotiate|ask\s+for|push)\b[^?]{0,30}\b(?:pto|vacation|start\s+date|relocation|annual\s+leave|days\s+off"
    r"|(?:extra\s+)?days\s+of\s+(?:annual\s+)?leave)\b",
    re.I,
)
# A task outside negotiation ("write me a python script to scrape levels.fyi", "fix my sql"): other, whatever
# words of the coach's own ("script", "levels") it holds.
UNRELATED_TASK_RE = re.compile(
    r"\b(?:python|javascript|typescript|sql|bash|regex|excel\s+formula|leetcode|scrape|scraper|debug)\b", re.I
)
NEGOTIABLE_RE = re.compile(
    r"\b(?:is|are)\s+(?:the\s+)?(?:\w+[\s-]+){0,2}?(?:negotiable|fixed|final|locked|set\s+in\s+stone)\b|\bis\s+there\s+(?:any\s+)?(?:room|flexibility|wiggle\s+room)\b"
    r"|\bcan\s+(?:they|i|we)\s+(?:move|budge|negotiate)\s+(?:on\s+)?(?:the\s+)?(?:base|salary|equity|stock|rsus?"
    r"|sign[- ]?on|bonus|package|offer|it)\b",
    re.I,
)
OFFER_WORDS_RE = re.compile(r"\b(?:offer(?:ed|ing)?|got\s+an?|received|package|hired|extended)\b", re.I)
# With no figure, "offer" alone is not news of an offer ("my dog ate my offer letter"): a verb must say
# one was made, received or sent.
OFFER_NEWS_RE = re.compile(
    r"\b(?:offered|offering|extended|hired)\b|\b(?:got|get|received|have|had|landed|getting)\s+(?:an?\s+|the\s+|my\s+)?"
    r"(?:\w+\s+)?offer\b|\boffer\s+(?:from|at|for|is\s+in|came|arrived|just|finally)\b|\b(?:sent|gave|emailed|made)"
    r"\s+(?:me\s+)?(?:an?|the|my)\s+(?:\w+\s+)?offer\b|\bpackage\b|^(?:the\s+)?offer\s*[:-]",
    re.I,
)
DETAIL_RE = re.compile(
    r"\bcliff\b|\brsus?\b|\boptions\b|\blevel\b|\bvest|\b(?:l|e|ic|m)\d\b|\bisos?\b|\bschedule\b", re.I
)


BARE_FIGURE_RE = re.compile(
    r"(?:about|around|roughly|approx\.?|~|it'?s|its|it\s+is|they\s+said)?\s*(?:[$£€]|(?:usd|eur|gbp|chf|cad|sgd|aud|inr)\s?)?"
    r"\s*[\d,.]+\s*(?:k|m|usd|eur"
    r"|gbp|%|percent|"
    r"thousand|grand)?\s*[.!]?"
)


# Politeness around a control phrase ("can we start over", "pls delete my data", "what do you know so
# far", "what can u do"): the phrase is read without it.
_COMMAND_AROUND = re.compile(
    r"^(?:(?:ok(?:ay)?|hey|so|um+|hmm+|pls|please|can|could|would|will|we|you|u|just|show\s+me|tell\s+me|give\s+me"
    r"|i\s+want\s+to|lets|let's"
    r"|i'?d\s+like\s+to)\s+)+|(?:\s+(?:please|pls|plz|now|thanks|thx|so\s+far|then|again))+$"
)
_TEXTSPEAK = {"u": "you", "ur": "your", "r": "are", "wat": "what", "wut": "what", "pls": "please"}


def command(words: str) -> str | None:
    plain = " ".join(_TEXTSPEAK.get(word, word) for word in words.split())
    for candidate in (words, plain, _COMMAND_AROUND.sub("", plain)):
        for name, phrases in COMMANDS.items():
            if candidate in phrases:
                return name
    return None


def classify(utterance: Utterance, words: str, pending: str | None) -> str:
    """The intent; `words` are the message's lower-case words (bot/guides/resolve.normalize)."""
    text = utterance.text
    if not text.strip():
        return "help"
    found = command(words) or command(words.replace("let s ", "lets "))
    if found:
        return found
    plain = SYMBOLS_RE.sub(" ", text).strip() or text
    if FORGET_RE.match(plain) and not utterance.amounts:
        return "forget"
    if text.strip() in ("?", "??", "???"):
        return "help"
    if _TOPIC_RE["out_of_scope"].search(text):
        return "out_of_scope"
    if UNRELATED_TASK_RE.search(text) and not utterance.amounts:
        return "other"  # "write me a python script to compare offers": no email, no counter
    bare = _bare(utterance, words, pending)
    if bare:
        if bare in ("skip", "unknown"):
            return "skip"
        if pending or bare == "figure" and not re.fullmatch(r"\d{1,2}\W*", utterance.text.strip()):
            return "answer"
    if THANKS_RE.match(plain):
        return "thanks"
    if GOODBYE_RE.match(plain):
        return "goodbye"
    if GREETING_RE.match(plain):
        return "greeting"
    if not utterance.amounts and len(words.split()) <= 40:
        if HELP_RE.search(plain) and (HELP_RE.match(plain) or QUESTION_RE.search(text)):
            return "help"
        if START_OVER_RE.match(plain):
            return "start_over"
        if GREETING_LONG_RE.match(plain):
            return "greeting"
        if STATUS_ASKED_RE.search(text):
            return "status"
        if THANKS_LEAD_RE.match(plain) and "?" not in text:
            return "thanks"
    money = [a for a in utterance.amounts if a.unit != "percent" or a.component]
    if _TOPIC_RE["say_no"].search(text) and QUESTION_RE.search(text):
        return "say_no"  # "what do I do if they won't budge?": a refusal asked about, nothing fixed yet
    if _TOPIC_RE["leverage"].search(text) and QUESTION_RE.search(text) and not any(a.holder == OFFER for a in money):
        return "leverage"  # "what's my leverage if I have no other offer?": asked, nothing stated
    if DECLINING_RE.search(text) and not money and not QUESTION_RE.search(text):
        return "walk_away"
    limited = re.search(r"\bbut\s+not\s+(?:beyond|above|higher|further|more)\b|\bmax\s*[.!]*$", text, re.I)
    if utterance.fixed and (not REVISED_RE.search(text) or limited or not money):
        if (
            EMAIL_RE.search(text)
            and QUESTION_RE.search(text) is None
            and re.search(r"\bhelp\s+me\b|\bdraft\b|\bwrite\b", text, re.I)
        ):
            return "email"  # "185k is max on base ... help me reply asking for more equity": the limit, then the words
        return "pushback"  # "we can go to 192k but not beyond": a limit, even said as a move
    if PARTLY_YES_RE.search(text) and not QUESTION_RE.search(text):
        # "they said yes to the first one but not the second": the rest refused; with a figure moved ("agreed to
        # bump sign on by 20k but said no on base"), a revised offer with the refused part held
        return "revised" if any(a.change or a.holder == OFFER for a in utterance.amounts) else "pushback"
    if ACCEPTED_RE.search(text) and not QUESTION_RE.search(text):
        return "accepted"
    if money and HYPOTHETICAL_OFFER_RE.search(text):
        topic = _question_topic(text, True)
        if topic in ("good", "accept"):
            return topic  # "if they came back with 200k base, would that be good?": the figure placed, not kept
    if money and MY_FLOOR_RE.search(text):
        return "walk_away"  # "I can't go lower than 195k base. rent went up": a floor, whatever went up
    if money and COUNTER_ASKED_LAST_RE.search(text):
        return (
            "counter"  # "they'd go to 185k if i sign this week. how much higher can i counter": figures, then the ask
        )
    if money and REVISED_RE.search(text) and not any(a.holder not in (OFFER,) for a in money):
        return "revised"
    said = (
        utterance.vesting_years
        or utterance.cliff_months is not None
        or utterance.schedule
        or utterance.level
        or utterance.strike_price is not None  # "typo: strike is $0.85 not $8.50"
        or utterance.share_price is not None
    )
    swapped = re.search(r"\bi\s+said\s+\S+.{0,20}\bbut\s+(?:it'?s|its|it\s+is)\b", text, re.I)  # a name put right
    if CORRECTION_RE.search(text) and (money or utterance.mentions_place or utterance.rivals or said or swapped):
        return "correction"
    if PART_REMOVED_RE.search(text) and not money:
        return "correction"  # "scratch the bonus, there isn't one": what was told, put right
    if WALK_AWAY_RE.search(text) and money:
        if all(a.holder == CURRENT for a in money) and not WALK_AWAY_RE.search(STAYING_PUT_RE.sub(" ", text)):
            return "current"  # "I'd stay at Kaiser if this falls through, I make 128k there": the alternative, told
        return "walk_away"
    if OTHER_ITEM_RE.search(text) and QUESTION_RE.search(text) and not any(a.component for a in money):
        return "other"  # "Is PTO negotiable?", "push the start date back ... reasonable?": no band part asked about
    if NEGOTIABLE_RE.search(text) and QUESTION_RE.search(text) and not money and not utterance.fixed:
        return "counter"  # "is the sign on negotiable?": what can be asked for, part by part (the counter shows it)
    if _TOPIC_RE["salary_history"].search(text) and (
        not money or all(a.holder == CURRENT for a in money) and QUESTION_RE.search(text)
    ):  # with today's pay in it, only asked ("do i have to tell her?? its only 52k"), never told ("i said 165k")
        return "salary_history"  # "they want my current salary, what do I say?": before the phone script's words
    if SAY_NO_ASKED_RE.search(text) and not money:
        return "say_no"  # "write me something to decline the other offer nicely": words to say no, not a counter email
    if EMAIL_RE.search(text):
        return "email"
    if PHONE_RE.search(text):
        return "phone"
    if COUNTER_LEVERAGE_RE.search(text):
        return "counter"
    topic = _question_topic(text, bool(money), utterance.level)
    if topic in ("good", "accept") and sum(a.holder == OFFER and a.component is not None for a in money) >= 2:
        # "not sure if this is a good offer but it's 160k base and 50k equity": the offer, stated; its
        # reading places it in the band, which answers the question too (bot/coaching)
        return "offer"
    if (
        topic == "good"
        and money
        and all(a.holder == CURRENT for a in money)
        and "?" not in text
        and not re.match(ASKING_START, text, re.I)
    ):
        return "current"  # "my current total comp is 175k, which is why this doesn't feel like much": told
    if topic:
        return topic
    if utterance.notes and not money and QUESTION_RE.search(text) and not parts_named(text):
        return "other"  # "can I ask them to cover relocation?": an item no guide section answers, asked about
    others_only = money and all(a.holder != OFFER for a in money) and "?" not in text
    if COUNTER_RE.search(text) and not others_only:  # "after my counter anthropic moved equity to 355k": theirs
        return "counter"
    if utterance.no_alternatives:
        return "no_alternatives"
    holders = {a.holder for a in money}
    if holders and holders <= {CURRENT} or (utterance.current_company and not money):
        return "current"
    if money and money[0].holder == CURRENT and OFFER not in holders:
        return "current"  # "i earn 148k and block offered me 190k": the current job leads, a rival follows
    names_rival = utterance.rivals or any(h.startswith("rival:") for h in holders)
    own_first = OFFER_WORDS_RE.search(text.split(utterance.rivals[0])[0] if utterance.rivals else text) or (
        money and money[0].holder == OFFER  # "they came in at 176k ...; figma has me at 190k"
    )
    if names_rival and (OFFER not in holders or not own_first):
        return "rival"
    if utterance.none_of and not money and PART_REFUSED_RE.search(text):
        return "pushback"  # "we don't offer sign-on bonuses for this role": a part refused, not the offer told
    if money or utterance.none_of or OFFER_NEWS_RE.search(text):
        if not money and not utterance.none_of and DETAIL_RE.search(text):
            return "detail"
        if money and all(a.component in ("relocation", "refresh", "stipend", "retirement_match") for a in money):
            return "detail"
        return "offer"
    if (
        utterance.cliff_months is not None
        or utterance.schedule
        or utterance.level
        or utterance.grant_type
        or utterance.vesting_years
        or utterance.share_price
    ):
        return "detail"
    if utterance.notes:
        # "what about relocation, is it normal to ask?": an item no guide section answers; asked, not stated
        return "other" if QUESTION_RE.search(text) and not said else "detail"
    if WALK_AWAY_RE.search(text):
        return "walk_away"
    if pending in ("region", "company", "role") and len(words.split()) <= 5 and "?" not in text:
        return _sign_off(utterance, plain) or "answer"  # "seattle", answering "which location?"
    if pending == "role" and len(words.split()) <= 12 and "?" not in text and ROLE_FIRST_RE.match(words):
        return "answer"  # "backend engineer on the storage team": the role, then where it sits
    if not pending and GREETING_OPENS_RE.match(plain) and "?" not in text and len(words.split()) <= 15:
        return "greeting"  # "heyyy, buckle up, this is going to be a ride": hello, and nothing asked or told yet
    return _sign_off(utterance, plain) or "other"


# A message that opens with a greeting and a pause ("hey, ...", "heyyy! ..."), for one that says nothing else read
GREETING_OPENS_RE = re.compile(
    r"^(?:hi+|hello+|he+y+|hiya|heya|yo|good\s+(?:morning|afternoon|evening))\b\W*[,!.]", re.I
)
# A message that opens with a job title: a few words, then the title's head word ("senior data scientist in ads")
ROLE_FIRST_RE = re.compile(
    r"^(?:(?:i\s?'?m|i\s+am|it\s?'?s|as)\s+)?(?:an?\s+|the\s+)?(?:[\w/+&-]+\s+){0,3}?(?:engineer|developer|scientist|designer"
    r"|manager|analyst|architect|researcher|lead|director|counsel|attorney|consultant|specialist|recruiter|writer"
    r"|marketer|nurse|pharmacist|physician|teacher|accountant|economist|executive|representative|administrator|sre|swe"
    r"|pm|ae|sdr|mle|tpm)s?\b",
    re.I,
)


def _sign_off(utterance: Utterance, plain: str) -> str | None:
    """A short message nothing else read that says goodbye or thanks in looser words (a longer one only for a
    goodbye said outright: "That's everything for today ... have a good evening", "Goodbye for now")."""
    if utterance.amounts or "?" in plain:
        return None
    if len(plain.split()) > 12:
        return "goodbye" if len(plain.split()) <= 40 and GOODBYE_WORDS_RE.search(plain) else None
    if GOODBYE_WORDS_RE.search(plain):
        return "goodbye"
    if THANKS_WORDS_RE.search(plain):
        return "thanks"
    return None


YEARS_FIRST_RE = re.compile(r"^(?:over\s+)?(?:\d{1,2}|one|two|three|four|five|six)\s*(?:years?|yrs?)\b")


def _bare(utterance: Utterance, words: str, pending: str | None = None) -> str | None:
    """skip | unknown | none | figure when the whole message is a bare answer."""
    if utterance.answer in ("skip", "unknown", "none"):
        return utterance.answer
    if (
        pending
        and utterance.none_of
        and not utterance.amounts
        and (len(words.split()) <= 4 or pending in utterance.none_of)
    ):
        return "none"  # "no sign-on", answering "is there a sign-on bonus?"; "equity? none, it's all cash"
    if len(utterance.amounts) == 1 and len(words.split()) <= 3:
        amount = utterance.amounts[0]
        if amount.holder == OFFER and BARE_FIGURE_RE.fullmatch(utterance.text.strip().lower()):
            return "figure"
    if pending and _short_answer(utterance, words):
        return "figure"
    if re.fullmatch(r"\d{1,2}(?:\s*-?\s*(?:years?|yrs?))?\W*", utterance.text.strip().lower()):
        return "figure"
    if pending == "years" and utterance.vesting_years and not utterance.amounts and len(words.split()) <= 7:
        return "figure"  # "four", "4 yrs", "over 3 years", "it's a 4 year vest", "over 4"
    if pending == "years" and utterance.vesting_years and not utterance.amounts and YEARS_FIRST_RE.match(words):
        return "figure"  # "4 years, monthly after a 1 year cliff": the years asked for, then how they vest
    if (
        pending == "region"
        and utterance.mentions_place
        and not utterance.amounts
        and len(words.split()) <= 12
        and not QUESTION_RE.search(utterance.text)
    ):
        return "figure"  # "bay area, hybrid 3 days a week", answering "where is the role based?"
    if pending in ("level", "band_level") and utterance.level and not utterance.amounts and len(words.split()) <= 16:
        return "figure"  # "L5", "they said L4 but I don't know what that means", answering "which level?"
    if pending and _hedged_answer(utterance, pending, words):
        return "figure"
    if pending in FIGURE_SLOTS and utterance.ranges and not utterance.amounts and "?" not in utterance.text:
        return "figure"  # "somewhere between 170 and 180, they weren't specific": answered, as a range kept out
    return None


HEDGE_RE = re.compile(
    r"\b(?:i\s+think|i\s+believe|i\s+guess|iirc|roughly|about|around|approx(?:imately)?|maybe|probably|ish|like"
    r"|call\s+it|let'?s\s+say|say"
    r"|somewhere|something|ballpark|in\s+the\s+range\s+of|close\s+to|just\s+(?:under|over)|give\s+or"
    r"\s+take|or\s+so|tbh|it'?s|its|it\s+is|they\s+said|target|signing|at|in|each|a\s+share|per\s+share|over|vesting|grant|total|a\s+year|per\s+year|yearly"
    r"|annual(?:ly)?|\d+\s*(?:years?|yrs?)|rsus?|options|shares|base|salary|sign[- ]?on|bonus|equity|stock|k"
    # "base is 176", "15k a month", "80k vesting over three years", "12% of base", "15k paid upfront",
    # "they're giving 20k to sign": the figure answered, in a sentence's words
    r"|is|was|a\s+month|per\s+month|monthly|of|(?:one|two|three|four|five|six)\s+(?:years?|yrs?)|paid|upfront"
    r"|up\s+front|they'?re\s+giving|they\s+are\s+giving|giving|to\s+sign|on\s+signing)\b",
    re.I,
)


def _short_answer(utterance: Utterance, words: str) -> bool:
    """A figure with hedges around it, answering the question pending ("about 90k i think",
    "100k over 4 yrs", "10 percent target"): one figure of the offer and nothing else said."""
    if len(utterance.amounts) != 1 or utterance.amounts[0].holder != OFFER or len(words.split()) > 7:
        return False
    if utterance.rivals or utterance.mentions_current or utterance.fixed or "?" in utterance.text:
        return False
    rest = AMOUNT_TEXT_RE.sub(" ", HEDGE_RE.sub(" ", utterance.text.lower()))
    return not re.search(r"[a-z]{2,}", rest)


FIGURE_SLOTS = frozenset({"base", "equity", "bonus", "sign_on", "total"})
ASKING_START = r"\s*(?:is|are|should|would|could|can|do|does|how|what|why)\b"


def _hedged_answer(utterance: Utterance, pending: str, words: str) -> bool:
    """One figure of the offer, with doubts around it, answering the question pending ("um I think it was 187k?
    I'd have to double check the letter", "15 percent? I think that's target"): the figure for that slot."""
    if pending not in FIGURE_SLOTS | {"shares"} or len(utterance.amounts) != 1 or len(words.split()) > 16:
        return False
    if WALK_AWAY_RE.search(utterance.text) or re.match(ASKING_START, utterance.text, re.I):
        return False  # "my walk-away is 250k", "is 170k base good for remote?": no answer to the question
    amount = utterance.amounts[0]
    # "12,000 shares, whatever those are worth": the count asked for, with a feeling about it
    fits = amount.unit == "shares" if pending == "shares" else amount.component in (None, pending)
    if amount.holder != OFFER or not fits or amount.change:
        return False
    return not (utterance.rivals or utterance.mentions_current or utterance.fixed or utterance.none_of)


AMOUNT_TEXT_RE = re.compile(r"[$£€]?\s?\d[\d,.]*\s?(?:k|m|mil|%|percent)?\b|[~,.!/+%-]")


# "Should I simply accept at this point?", "Would you advise me to sign now, or wait ...?": asked outright,
# before a deadline or a rival named in the same breath
ACCEPT_ASKED_RE = re.compile(
    r"^(?:so\s+)?(?:should|would\s+you\s+advise\s+me\s+to|do\s+i)\s+(?:i\s+)?(?:simply\s+|just\s+)?(?:accept|sign)\b",
    re.I,
)
LEVEL_CLAIM_RE = re.compile(
    r"\b(?:i\s+think\s+i'?m|i'?m\s+(?:really|actually)|i\s+(?:should|deserve)|should\s+(?:be|i\s+be)|instead\s+of"
    r"|rather\s+than|(?:higher|lower|right|wrong)\s+level)\b"
    r"|\bis\s+(?:[LEIMP]\d{1,2}|senior|staff|principal)\s+(?:too\s+)?(?:low|high|right|fair|ok|okay)\b",
    re.I,
)
# "is my level fair", "does the level seem right?": the level itself asked about, before "fair" reads as `good`
LEVEL_ASKED_RE = re.compile(
    r"\b(?:my|the|this|that|their)\s+(?:level|levell?ing)\s+(?:is\s+|seems?\s+|looks?\s+|sounds?\s+)?(?:too\s+)?"
    r"(?:fair|right|ok|okay|correct|appropriate|low|high|off|wrong)\b",
    re.I,
)


# A figure they might offer, judged ("if they came back with 200k base, would that be good?", "say they offer
# 190k, do I take it?"): a question about that figure, never news of a revised offer.
HYPOTHETICAL_OFFER_RE = re.compile(
    r"\b(?:(?:what\s+)?if|say|suppose|supposing|assuming)\s+(?:they|she|he|the\s+recruiter|hr|the\s+company)\s+"
    r"(?:(?:came|come|comes)\s+back|offered|offer|gave|give|bumped|raised|matched|went|go)\b"
    r"(?=[^.;!?]*\b(?:would|is|should|do)\s+(?:that|it|this|i)\b)",
    re.I,
)
MY_FLOOR_RE = re.compile(
    r"\bi\s+(?:can'?t|cannot|won'?t)\s+(?:go|take|accept)\s+(?:any\s+)?(?:lower|less)\s+than\b", re.I
)
PART_REFUSED_RE = re.compile(r"\b" + REFUSES + r"\b", re.I)
# A recap that ends by asking what to counter ("... what should i ask for", "how much higher can i realistically
# counter", "what number would u counter with"): the figures told are kept, and the counter is the reply
COUNTER_ASKED_LAST_RE = re.compile(
    r"(?:^|[.!?]\s+|\n)[^.!?\n]*\b(?:what\s+(?:should|do|can|would)\s+(?:i|u|you)\s+(?:ask\s+for|counter(?:\s+with)?|push\s+for"
    r"|go\s+back\s+with)|how\s+much\s+(?:higher|more)\s+(?:can|should|could)\s+i\b|what\s+(?:number|figure|amount)\s+(?:would|should"
    r"|do)\s+(?:u|you|i)\s+counter|what(?:'s|\s+is)\s+my\s+counter)\b[^.!?\n]*[?.!]*\s*$",
    re.I,
)
# "scratch the bonus, there isn't one", "drop the sign-on": a part taken out of what was told
PART_REMOVED_RE = re.compile(
    r"^(?:(?:oh|and|also|ok(?:ay)?|wait|actually)\W*\s+)*(?:scratch|strike|drop|remove|delete|take\s+out|cross\s+out"
    r"|ignore)\s+(?:the|my|that)\s+(?:part\s+about\s+(?:the\s+)?)?(?:equity|stock|rsus?|bonus|sign[\s-]?on"
    r"|signing\s+bonus|relocation)\b",
    re.I,
)
SCHEDULE_ASKED_RE = re.compile(r"\b\d{1,2}(?:\s?/\s?\d{1,2}){2,}\b")
# "is that location adjustment fair?": the adjustment itself asked about, whatever figure it gave
LOCATION_PAY_RE = re.compile(
    r"\b(?:location|geo(?:graphic(?:al)?)?|cost[- ]of[- ]living|col|remote)[- ]"
    r"(?:adjust\w*|discount|differential|multiplier|factor|tier|cut)\b",
    re.I,
)
VESTING_FIRST_RE = re.compile(r"\s*(?:the\s+|their\s+|my\s+|this\s+)?vesting(?:\s+schedule)?\s+(?:is|was)\b", re.I)


def _question_topic(text: str, has_figures: bool, utterance_level: str | None = None) -> str | None:
    if not QUESTION_RE.search(text):
        # A deadline is worth an answer even when only stated ("the deadline is tomorrow").
        return "deadline" if not has_figures and _TOPIC_RE["deadline"].search(text) else None
    if not has_figures and (utterance_level and LEVEL_CLAIM_RE.search(text) or LEVEL_ASKED_RE.search(text)):
        return "level"  # "they offered me L4 but i think i'm L5, thoughts?": about the level, not the offer
    if not has_figures and VESTING_FIRST_RE.match(text):
        return "vesting"  # "vesting is 10/20/30/40 at amazon, how bad compare to 25 each yr": the vesting judged
    if not has_figures and SCHEDULE_ASKED_RE.search(text) and _TOPIC_RE["vesting"].search(text):
        return "vesting"  # "recruiter said its 4 years with 5/15/40/40 vesting, is that bad?": the schedule judged
    if ACCEPT_ASKED_RE.search(text):
        return "accept"  # "Would you advise me to sign now, or wait until Meta answers by Thursday?"
    for name in ("sign_on_vs_base", "deadline", "refreshers", "remote", "accept", "good", "vesting", "level"):
        if _TOPIC_RE[name].search(text):
            if name in ("vesting", "level") and has_figures:
                continue
            if name == "remote" and has_figures and _TOPIC_RE["good"].search(text) and not LOCATION_PAY_RE.search(text):
                return "good"  # "is 170k base good for remote?": about the figure; remote is its context
            return name
    return None
