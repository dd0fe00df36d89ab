"""The engine on kinds of news text other than political news and BBC copy.

Each case is a short passage written for this table, in one house style
(wire copy, court and police reporting, sport, business, features, interviews,
live blogs and press releases, unusual quotation marks, hard-wrapped text),
with every quote a reader would mark in it: its speaker, its kind and the
first words of its text. A passage is right when the engine finds exactly
those quotes. A direct quotation split by its attribution counts as one quote
a part, as the annotation guidelines count it.
"""

from __future__ import annotations

import re
import textwrap

import pytest

from quotecli.extract import extract
from quotecli.model import DIRECT, INDIRECT, MIXED

D, R, M = DIRECT, INDIRECT, MIXED  # R: reported speech

# (id, passage, [(speaker, kind, first words of the quote), ...])
WIRE = [
    (
        "wire-dateline-said-day",
        "WASHINGTON (AP) — The Senate will vote next week on the spending bill, "
        "Majority Leader Tom Harlan said Tuesday.",
        [("Tom Harlan", R, "The Senate will vote")],
    ),
    (
        "wire-dateline-spokeswoman",
        "LONDON (Reuters) - Britain's biggest lender will cut 2,000 jobs, a spokeswoman "
        "said on Friday.",
        [("a spokeswoman", R, "Britain's biggest lender")],
    ),
    (
        "wire-told-ap",
        '"We are not going to back down," Governor Ellen Marsh told The Associated Press '
        "on Monday.",
        [("Ellen Marsh", D, "We are not going")],
    ),
    (
        "wire-statement-that",
        "Northwind Airlines said in a statement that it would appeal the ruling.",
        [("Northwind Airlines", R, "that it would appeal")],
    ),
    (
        "wire-according-court-documents",
        "The fire started in a kitchen on the third floor, according to court documents.",
        [("court documents", R, "The fire started")],
    ),
    (
        "wire-police-said",
        "Police said the driver, a 45-year-old man from Leeds, was arrested at the scene.",
        [("Police", R, "the driver")],
    ),
    (
        "wire-said-mayor-who",
        '"It\'s a tragedy for the whole town," said Mayor Ruth Okafor, who visited the '
        "site Wednesday.",
        [("Ruth Okafor", D, "It's a tragedy")],
    ),
    (
        "wire-dateline-announced",
        "PARIS (AFP) — France will send 300 more troops to the region, Defence Minister "
        "Claire Dumont announced on Thursday.",
        [("Claire Dumont", R, "France will send")],
    ),
    (
        "wire-officials-said-day-that",
        "Officials said Tuesday that at least 14 people had died.",
        [("Officials", R, "that at least 14")],
    ),
    (
        "wire-said-in-email",
        '"There is no evidence of foul play," police spokesman Tom Reyes said in an email.',
        [("Tom Reyes", D, "There is no evidence")],
    ),
    ("wire-declined", "The White House declined to comment.", []),
    (
        "wire-anonymity",
        "A spokesman for the ministry, who spoke on condition of anonymity because he was "
        "not authorized to speak publicly, said the talks had stalled.",
        [("a spokesman for the ministry", R, "the talks had stalled")],
    ),
    (
        "wire-dateline-country",
        "NAIROBI, Kenya (AP) — Kenyan authorities said Sunday that flooding had displaced "
        "more than 40,000 people.",
        [("Kenyan authorities", R, "that flooding had")],
    ),
    (
        "wire-age-told-reuters",
        '"We have been waiting for this for 20 years," Sandra Whitfield, 62, told Reuters.',
        [("Sandra Whitfield", D, "We have been waiting")],
    ),
    (
        "wire-agency-advisory",
        "The storm is expected to make landfall late Thursday, the National Hurricane "
        "Center said in its latest advisory.",
        [("National Hurricane Center", R, "The storm is expected")],
    ),
    (
        "wire-mixed-end",
        'Ms. Carver, a Democrat, said the plan was "dead on arrival."',
        [("Carver", M, "the plan was")],
    ),
    (
        "wire-asked-colon",
        'Asked whether he would run again, Mr. Lindqvist said: "That is a question for '
        'another day."',
        [("Lindqvist", D, "That is a question")],
    ),
    (
        "wire-family-statement",
        'In a statement, the Okoro family said they were "heartbroken" by the loss.',
        [("the Okoro family", M, "they were")],
    ),
    (
        "wire-people-familiar",
        "Two people familiar with the matter told Reuters the deal could be announced as "
        "early as Monday.",
        [("Two people familiar with the matter", R, "the deal could")],
    ),
    (
        "wire-wrote-on-twitter",
        '"This is a dark day for our democracy," Senator Paul Brandt wrote on Twitter.',
        [("Paul Brandt", D, "This is a dark day")],
    ),
    (
        "wire-told-reporters-in",
        "Foreign Minister Anna Berg told reporters in Brussels that there would be no deal "
        "before the summer.",
        [("Anna Berg", R, "that there would be")],
    ),
    ("wire-not-released", "Authorities have not released the names of the victims.", []),
    (
        "wire-adding-that",
        "The Federal Aviation Administration said it was reviewing the footage, adding "
        "that no decision had been made.",
        [
            ("Federal Aviation Administration", R, "it was reviewing"),
            ("Federal Aviation Administration", R, "that no decision"),
        ],
    ),
    (
        "wire-said-who-lives",
        '"I heard a loud bang and then the lights went out," said Jamal Hughes, who '
        "lives across the street.",
        [("Jamal Hughes", D, "I heard a loud bang")],
    ),
    (
        "wire-dateline-chancellor",
        "BERLIN (Reuters) - Chancellor Olaf Brenner said on Tuesday he would not seek a "
        "fourth term.",
        [("Olaf Brenner", R, "he would not seek")],
    ),
    ("wire-denied", "Moscow has denied the accusations.", []),
    (
        "wire-general-mixed",
        "Gen. Mark Ellison, the top U.S. commander in the region, told lawmakers the "
        'situation was "fragile but stable."',
        [("Mark Ellison", M, "the situation was")],
    ),
    (
        "wire-the-mayor-said",
        'Mayor Dana Whitcomb toured the damage on Friday. "We will rebuild," the mayor '
        'said. "We always do."',
        [("Dana Whitcomb", D, "We will rebuild"), ("Dana Whitcomb", D, "We always do")],
    ),
    (
        "wire-age-shopkeeper",
        '"We\'re not going anywhere," said Ahmed Salah, 34, a shopkeeper in the old city.',
        [("Ahmed Salah", D, "We're not going anywhere")],
    ),
    (
        "wire-report-released",
        "The U.N. refugee agency said in a report released Thursday that 2.1 million "
        "people had fled.",
        [("U.N. refugee agency", R, "that 2.1 million")],
    ),
    (
        "wire-official-speaking",
        "A senior administration official, speaking on condition of anonymity, said the "
        "president would sign the bill on Friday.",
        [("A senior administration official", R, "the president would sign")],
    ),
    (
        "wire-said-adding",
        '"The situation is very serious," the official said, adding that aid convoys had '
        "been blocked for a week.",
        [("the official", D, "The situation is very"), ("the official", R, "that aid convoys")],
    ),
    (
        "wire-pentagon",
        "The Pentagon said Wednesday that two service members were wounded in the attack.",
        [("Pentagon", R, "that two service members")],
    ),
    (
        "wire-confirmed-np",
        "Lt. Col. Dana Meyers, an Army spokeswoman, confirmed the deaths in an email.",
        [],
    ),
    (
        "wire-state-media-mixed",
        "The foreign ministry's spokesman, Nasser Kazemi, told state media that the talks "
        'were "constructive."',
        [("Nasser Kazemi", M, "that the talks")],
    ),
    (
        "wire-witnesses-told",
        "Witnesses told the AP they heard at least three explosions.",
        [("Witnesses", R, "they heard")],
    ),
    (
        "wire-dateline-direct",
        'MADRID (Reuters) - "We will not accept this," Interior Minister Rosa Llorente '
        "said on Monday.",
        [("Rosa Llorente", D, "We will not accept")],
    ),
    (
        "wire-dateline-date",
        "GENEVA, June 4 (Reuters) - The World Health Organization said on Tuesday that "
        "cases had fallen for a third week.",
        [("World Health Organization", R, "that cases had fallen")],
    ),
    (
        "wire-said-said",
        'Mayor Tom Bright said the city "will do everything it can" to help. "Nobody will '
        'be left behind," he said.',
        [("Tom Bright", M, "the city"), ("Tom Bright", D, "Nobody will be left")],
    ),
]

COURT = [
    (
        "court-prosecutors-said",
        "Prosecutors said the defendant wired more than $3 million to offshore accounts.",
        [("Prosecutors", R, "the defendant wired")],
    ),
    (
        "court-judge-told-jury",
        "Judge Ellen Park told the jury that they must ignore the witness's last remark.",
        [("Ellen Park", R, "that they must")],
    ),
    (
        "court-complaint-alleges",
        "The complaint alleges that the company knew of the defect as early as 2019.",
        [("The complaint", R, "that the company knew")],
    ),
    (
        "court-judge-told-before",
        '"You betrayed the trust of every patient who walked through your door," U.S. '
        "District Judge Karen Ngata told Simmons before announcing the sentence.",
        [("Karen Ngata", D, "You betrayed the trust")],
    ),
    (
        "court-according-indictment",
        "According to the indictment, Ramirez and two associates laundered the money "
        "through a car dealership.",
        [("the indictment", R, "Ramirez and two associates")],
    ),
    (
        "court-argued",
        "Defense attorney Mark Feld argued that his client had acted in self-defense.",
        [("Mark Feld", R, "that his client")],
    ),
    (
        "court-police-charged",
        "Police said a 19-year-old man had been charged with assault and would appear in "
        "court on Monday.",
        [("Police", R, "a 19-year-old man")],
    ),
    (
        "court-di-colon",
        'Detective Inspector Sarah Colley said: "We are keeping an open mind about the motive."',
        [("Sarah Colley", D, "We are keeping")],
    ),
    ("court-pleaded", "Halvorsen pleaded not guilty to all charges.", []),
    (
        "court-lawyer-mixed",
        'Her lawyer, Dennis O\'Brien, said she "categorically denies" any wrongdoing.',
        [("Dennis O'Brien", M, "she")],
    ),
    (
        "court-lawsuit-claims",
        "The lawsuit, filed Monday in federal court in Manhattan, claims the bank "
        "overcharged customers for years.",
        [("The lawsuit", R, "the bank overcharged")],
    ),
    (
        "court-told-court",
        '"I\'m sorry for what I did," Kowalski told the court, his voice breaking.',
        [("Kowalski", D, "I'm sorry")],
    ),
    (
        "court-police-spokeswoman",
        "A police spokeswoman said officers were called to the address shortly after 2 a.m.",
        [("A police spokeswoman", R, "officers were called")],
    ),
    (
        "court-opening-statement",
        "Assistant U.S. Attorney Leah Brandt told jurors in her opening statement that "
        'the evidence would show "a pattern of deceit."',
        [("Leah Brandt", M, "that the evidence")],
    ),
    (
        "court-testified",
        "The witness, Maria Ortiz, testified that she saw the defendant leave the building "
        "at 11 p.m.",
        [("Maria Ortiz", R, "that she saw")],
    ),
    (
        "court-papers",
        "In court papers, the city's lawyers said the ordinance was constitutional.",
        [("the city's lawyers", R, "the ordinance")],
    ),
    (
        "court-sheriff-mixed",
        'Sheriff Tom Baxter said at a news conference that the suspect was "armed and dangerous."',
        [("Tom Baxter", M, "that the suspect")],
    ),
    ("court-jury-selection", "Jury selection begins next week.", []),
    (
        "court-police-called",
        "Police said they were called to reports of a disturbance at about 9.30pm on Saturday.",
        [("Police", R, "they were called")],
    ),
    ("court-appealing", "Officers are appealing for witnesses.", []),
    (
        "court-met-spokesman",
        'A Metropolitan Police spokesman said: "A man in his 30s was pronounced dead at '
        'the scene."',
        [("A Metropolitan Police spokesman", D, "A man in his 30s")],
    ),
    (
        "court-judge-mixed",
        'Judge Peter Halloran said he had "no option but to impose a custodial sentence."',
        [("Peter Halloran", M, "he had")],
    ),
    (
        "court-det-sgt",
        '"This was a cowardly and senseless attack," said Det Sgt Amir Khan of Greater '
        "Manchester Police.",
        [("Amir Khan", D, "This was a cowardly")],
    ),
    (
        "court-prosecutor-told-jurors",
        '"The defendant knew exactly what he was doing," prosecutor Janet Cole told '
        'jurors. "He planned it for weeks."',
        [("Janet Cole", D, "The defendant knew"), ("Janet Cole", D, "He planned it")],
    ),
    (
        "court-charging-documents",
        "Marsh told officers he had been drinking, according to charging documents.",
        [("Marsh", R, "he had been drinking"), ("charging documents", R, "Marsh told")],
    ),
]

SPORT = [
    (
        "sport-said-the-age",
        'Carla Mendes won her third title of the season on Sunday. "I felt strong from '
        'the first point," said the 24-year-old.',
        [("Carla Mendes", D, "I felt strong")],
    ),
    (
        "sport-the-coach-added",
        'Coach Dan Reilly was pleased with his side. "We deserved to win today," the coach added.',
        [("Dan Reilly", D, "We deserved to win")],
    ),
    (
        "sport-said-who-scored",
        '"It\'s a dream come true," said Ortega, who scored twice in the second half.',
        [("Ortega", D, "It's a dream")],
    ),
    (
        "sport-asked-veteran",
        "Marco Bellini has one year left on his contract. Asked about his future, the "
        'veteran striker said: "I\'ll sit down with the club at the end of the season."',
        [("Marco Bellini", D, "I'll sit down")],
    ),
    (
        "sport-the-age-told",
        "Andy Pryce lost in straight sets. The 31-year-old told BBC Sport he had no plans "
        "to retire.",
        [("Andy Pryce", R, "he had no plans")],
    ),
    (
        "sport-told-sky-two",
        '"We were poor in the first half and we got punished," Hughes told Sky Sports. '
        '"You can\'t give a team like that two goals of a start."',
        [("Hughes", D, "We were poor"), ("Hughes", D, "You can't give")],
    ),
    (
        "sport-who-mixed",
        'Ferreira, who has not lost here since 2015, said his knee was "much better."',
        [("Ferreira", M, "his knee")],
    ),
    (
        "sport-said-teammate",
        '"He\'s the best goalkeeper in the league, no question," said teammate Luis Arroyo.',
        [("Luis Arroyo", D, "He's the best")],
    ),
    (
        "sport-head-coach-apposition",
        "The Eagles' head coach, Mike Donnelly, said the team would evaluate the "
        "quarterback's injury on Monday.",
        [("Mike Donnelly", R, "the team would")],
    ),
    (
        "sport-said-of",
        '"I just tried to stay patient," Jackson said of his 42-point night. "The shots '
        'were falling."',
        [("Jackson", D, "I just tried"), ("Jackson", D, "The shots were")],
    ),
    (
        "sport-admitted-the-age",
        "Petra Novak reached her first final. \"Honestly? I didn't think we'd get here,\" "
        "admitted the 19-year-old, who was ranked 140th a year ago.",
        [("Petra Novak", D, "Honestly?")],
    ),
    (
        "sport-club-statement",
        "Wolverton United said in a statement that the midfielder had suffered a hamstring "
        "strain and would miss four weeks.",
        [("Wolverton United", R, "that the midfielder")],
    ),
    (
        "sport-said-captain-two",
        '"We showed character," said captain Jordan Miles. "Nobody gave up."',
        [("Jordan Miles", D, "We showed character"), ("Jordan Miles", D, "Nobody gave up")],
    ),
    (
        "sport-colon-no-verb",
        'Ruiz played down his chances: "There are ten riders who can win this race."',
        [("Ruiz", D, "There are ten riders")],
    ),
    ("sport-narrative", "It was the first time the Bulldogs had won in Denver since 1998.", []),
    (
        "sport-fumed",
        '"The referee had a shocker," fumed Town boss Gary Pike.',
        [("Gary Pike", D, "The referee had")],
    ),
    (
        "sport-added-that",
        "Town boss Gary Pike added that he would appeal against the red card.",
        [("Gary Pike", R, "that he would appeal")],
    ),
    (
        "sport-the-age-insisted",
        "Kofi Mensah scored a hat-trick. \"It's not about me, it's about the team,\" the "
        "28-year-old forward insisted.",
        [("Kofi Mensah", D, "It's not about me")],
    ),
    (
        "sport-coach-mixed",
        'England coach Sarah Whitley said it was "the best performance of the tournament."',
        [("Sarah Whitley", M, "it was")],
    ),
    (
        "sport-short-two",
        '"Look, we lost," Bryant said. "No excuses."',
        [("Bryant", D, "Look, we lost"), ("Bryant", D, "No excuses")],
    ),
    (
        "sport-replied-colon",
        'Asked if she would play in Paris, Kim replied: "If my wrist allows it, yes."',
        [("Kim", D, "If my wrist")],
    ),
    (
        "sport-the-nationality",
        'Callum Fraser missed the decisive penalty. "We go again on Saturday," the Scot said.',
        [("Callum Fraser", D, "We go again")],
    ),
    (
        "sport-told-reporters-mixed",
        'Lakers coach Dan Voss told reporters after the game that his team "lacked '
        'energy" in the third quarter.',
        [("Dan Voss", M, "that his team")],
    ),
    (
        "sport-said-nationality-role",
        '"I\'m gutted," said Welsh winger Rhys Morgan.',
        [("Rhys Morgan", D, "I'm gutted")],
    ),
    (
        "sport-the-frenchman",
        "Gilles Morel lost in the first round. The Frenchman, who turns 35 next month, "
        "said he would decide on his future after Wimbledon.",
        [("Gilles Morel", R, "he would decide")],
    ),
    (
        "sport-said-name-age",
        '"It was a great ball from Dani and I just had to put it away," said Okafor, 22.',
        [("Okafor", D, "It was a great ball")],
    ),
    (
        "sport-manager-apposition-direct",
        'Rovers manager Steve Dunn was furious. "That is not a penalty in a million '
        'years," he said. "Not in a million years."',
        [("Steve Dunn", D, "That is not a penalty"), ("Steve Dunn", D, "Not in a million")],
    ),
    (
        "sport-interrupted",
        '"We had chances," said Lopez, "but we didn\'t take them."',
        [("Lopez", D, "We had chances"), ("Lopez", D, "but we didn't")],
    ),
    (
        "sport-the-american",
        'Jessica Lane won the sprint by a wheel. "I saw the line and just threw my bike," '
        "the American said.",
        [("Jessica Lane", D, "I saw the line")],
    ),
    (
        "sport-said-afterwards",
        'Tomas Kral, who finished third, said afterwards: "My legs were empty."',
        [("Tomas Kral", D, "My legs were empty")],
    ),
]

BUSINESS = [
    (
        "biz-filing",
        "Shares of Halcyon Corp fell 8% after the company said in a filing that its chief "
        "financial officer would step down.",
        [("Halcyon Corp", R, "that its chief financial")],
    ),
    (
        "biz-analyst-at",
        '"Demand remains resilient," said Priya Raman, an analyst at Barnsley Securities.',
        [("Priya Raman", D, "Demand remains")],
    ),
    (
        "biz-analysts-said",
        "Analysts said the results were better than expected.",
        [("Analysts", R, "the results were")],
    ),
    (
        "biz-conference-call",
        '"We are confident in our strategy," Chief Executive Laura Chen told analysts on '
        "a conference call.",
        [("Laura Chen", D, "We are confident")],
    ),
    (
        "biz-central-bank",
        "The Bank of England said inflation would peak in the autumn before falling back.",
        [("Bank of England", R, "inflation would peak")],
    ),
    ("biz-no-response", "Brightwater did not respond to a request for comment.", []),
    (
        "biz-spokesperson-mixed",
        'A spokesperson for Norland Energy said the company "remains committed" to the project.',
        [("A spokesperson for Norland Energy", M, "the company")],
    ),
    (
        "biz-press-release",
        '"This is a game-changer for the industry," said Tom Fielding, chief executive of '
        "Quay Logistics, in a press release.",
        [("Tom Fielding", D, "This is a game-changer")],
    ),
    (
        "biz-according-people",
        "According to people familiar with the talks, the two sides are close to agreeing a price.",
        [("people familiar with the talks", R, "the two sides")],
    ),
    (
        "biz-the-company-said",
        "Vantis shares jumped 12% in early trading. The company said it had received a "
        "takeover approach from a private equity firm.",
        [("Vantis", R, "it had received")],
    ),
    (
        "biz-warned-mixed",
        'The firm\'s chief economist, Helen Marsh, warned that the recovery was "fragile."',
        [("Helen Marsh", M, "that the recovery")],
    ),
    (
        "biz-annual-report",
        "In its annual report, Greenmart said it planned to open 50 new stores.",
        [("Greenmart", R, "it planned")],
    ),
    (
        "biz-portfolio-manager-two",
        '"We think the worst is behind us," said Omar Haddad, portfolio manager at '
        'Crestline Capital. "But it\'s too early to call a bottom."',
        [("Omar Haddad", D, "We think the worst"), ("Omar Haddad", D, "But it's too early")],
    ),
    (
        "biz-companies-said",
        "The merger is subject to regulatory approval, Arden and Felt said.",
        [("Arden and Felt", R, "The merger is subject")],
    ),
    (
        "biz-cfo-call",
        '"We remain cautious about the second half," Chief Financial Officer Mark Lutz '
        "said on a call with analysts.",
        [("Mark Lutz", D, "We remain cautious")],
    ),
    (
        "biz-bank-which",
        "Northway Bank, which has 12 million customers, said profits rose 14% to £2.1bn.",
        [("Northway Bank", R, "profits rose")],
    ),
    (
        "biz-rating-mixed",
        'Fitch Ratings said the downgrade reflected "persistent fiscal weakness."',
        [("Fitch Ratings", M, "the downgrade")],
    ),
    ("biz-declined", "The company declined to comment on the report.", []),
    (
        "biz-ceo-said-interview",
        "Chief executive Maria Santos told the Financial Times in an interview that the "
        "company would not raise prices this year.",
        [("Maria Santos", R, "that the company would not")],
    ),
    (
        "biz-said-in-a-note",
        '"The numbers are ugly," analysts at Kestrel Bank wrote in a note to clients.',
        [("analysts at Kestrel Bank", D, "The numbers are ugly")],
    ),
    (
        "biz-dateline-company",
        "SEOUL (Reuters) - Hanmir Motors said on Thursday it would recall 170,000 "
        "vehicles over a faulty fuel pump.",
        [("Hanmir Motors", R, "it would recall")],
    ),
    (
        "biz-the-company-said-later",
        "Delmont Foods reported a loss of $40 million. The company said higher grain "
        "prices had squeezed its margins.",
        [("Delmont Foods", R, "higher grain prices")],
    ),
]

FEATURE = [
    (
        "feature-says-two",
        'Dawson leans back in his chair. "People think farming is about the land," he '
        'says. "It\'s really about the weather."',
        [("Dawson", D, "People think farming"), ("Dawson", D, "It's really about")],
    ),
    (
        "feature-dash-aside",
        'The house — "a money pit," as Greene calls it — has been in her family for four '
        "generations.",
        [("Greene", D, "a money pit")],
    ),
    (
        "feature-remembers-says",
        'Marisol Vega remembers the night the river came up. "We had maybe ten minutes," '
        'she says. "Ten minutes to decide what your life is worth."',
        [("Marisol Vega", D, "We had maybe"), ("Marisol Vega", D, "Ten minutes to decide")],
    ),
    (
        "feature-runs-over-paragraphs",
        "Joan Pruitt has run the garage since 1979.\n\n"
        '"When I started out, nobody would hire a woman to fix engines. So I opened my '
        "own place.\n\n"
        "\"Forty years later, I'm still here, and most of the men who turned me down are "
        'not," she says.',
        [("Joan Pruitt", D, "When I started out"), ("Joan Pruitt", D, "Forty years later")],
    ),
    (
        "feature-as-puts-it",
        'As Ruiz puts it: "You don\'t choose this life. It chooses you."',
        [("Ruiz", D, "You don't choose")],
    ),
    (
        "feature-admits-dash",
        '"I was terrified," Kemp admits — and then laughs. "Still am, some days."',
        [("Kemp", D, "I was terrified"), ("Kemp", D, "Still am")],
    ),
    (
        "feature-no-cue-next",
        'Hollis is blunt about it. "The industry lied to us for decades."',
        [("Hollis", D, "The industry lied")],
    ),
    (
        "feature-tells-me",
        "The painter Anya Roth has had three shows cancelled. \"There's a kind of freedom "
        'in failing," she tells me over coffee in her studio.',
        [("Anya Roth", D, "There's a kind of freedom")],
    ),
    (
        "feature-question-then-quote",
        'What does he make of the criticism? "Honestly, I don\'t read it," Marsh says.',
        [("Marsh", D, "Honestly, I don't")],
    ),
    (
        "feature-insists-two",
        '"It\'s not nostalgia," Okonkwo insists. "It\'s memory, which is a different thing '
        'entirely."',
        [("Okonkwo", D, "It's not nostalgia"), ("Okonkwo", D, "It's memory")],
    ),
    (
        "feature-shrugs-colon",
        'Pressed on the point, Ferris shrugs: "Maybe. Maybe not."',
        [("Ferris", D, "Maybe. Maybe not.")],
    ),
    (
        "feature-answer-colon",
        'Lena Fairbanks started the company at 23. Her reason was simple: "I '
        'wanted to build something that would outlast me."',
        [("Lena Fairbanks", D, "I wanted to build")],
    ),
    (
        "feature-dash-said",
        'The old mill — "the heart of this town," said Mayor Jo Keane — closed in 1987.',
        [("Jo Keane", D, "the heart of this town")],
    ),
    (
        "feature-present-tense-name-after",
        '"You learn to live with the noise," says Harriet Olsen, who has lived beside the '
        "runway for 30 years.",
        [("Harriet Olsen", D, "You learn to live")],
    ),
    (
        "feature-recalls",
        '"It was the best summer of my life," recalls Daniel Osei, now 70.',
        [("Daniel Osei", D, "It was the best summer")],
    ),
    (
        "feature-says-then-colon-next",
        "Priya Natarajan has a theory about why the shop survived. \"People don't come "
        'here for books," she says. "They come here for each other."',
        [("Priya Natarajan", D, "People don't come"), ("Priya Natarajan", D, "They come here")],
    ),
    (
        "feature-laughs",
        '"I had no idea what I was doing," Carver laughs.',
        [("Carver", D, "I had no idea")],
    ),
    (
        "feature-writes",
        'In her memoir, Ellen Shaw writes that she "never felt at home" in the city.',
        [("Ellen Shaw", M, "that she")],
    ),
    (
        "feature-paragraph-after-colon",
        "Then Amos Reed said something I still think about:\n\n"
        '"Nobody is coming to save you. So save yourself."',
        [("Amos Reed", D, "Nobody is coming")],
    ),
    (
        "feature-says-mid",
        '"The trick," says Lena Moss, "is to never look down."',
        [("Lena Moss", D, "The trick"), ("Lena Moss", D, "is to never")],
    ),
]

INTERVIEW = [
    (
        "qa-name-lines",
        "Senators Amy Harris and Ben Collins debated the budget on Sunday.\n\n"
        "HARRIS: We have to get the budget done this week.\n\n"
        "COLLINS: And we will, but not at any price.",
        [
            ("Amy Harris", D, "We have to get"),
            ("Ben Collins", D, "And we will"),
        ],
    ),
    (
        "qa-name-lines-mixed-case",
        "Host Dana Lowe spoke with economist Raj Patel.\n\n"
        "Lowe: Are we heading into a recession?\n\n"
        "Patel: Not yet. But the signs are there.",
        [
            ("Dana Lowe", D, "Are we heading"),
            ("Raj Patel", D, "Not yet."),
        ],
    ),
    (
        "qa-full-names",
        "JOHN MERCER: I never wanted to be a politician.\n\n"
        "SUSAN PAGE: Then why did you run?\n\n"
        "JOHN MERCER: Because nobody else would.",
        [
            ("John Mercer", D, "I never wanted"),
            ("Susan Page", D, "Then why did you"),
            ("John Mercer", D, "Because nobody else"),
        ],
    ),
    (
        "qa-q-and-a",
        "Novelist Clara Hughes talked to us about her new book.\n\n"
        "Q: Where did the idea come from?\n\n"
        "A: From a newspaper story about a lighthouse keeper.",
        [("Clara Hughes", D, "From a newspaper story")],
    ),
    (
        "qa-q-and-a-two",
        "The Olympic champion Marta Silva spoke to us after training.\n\n"
        "Q: How is the shoulder?\n\n"
        "A: Better every day. I should be ready for Rome.\n\n"
        "Q: And the new coach?\n\n"
        "A: We understand each other.",
        [("Marta Silva", D, "Better every day"), ("Marta Silva", D, "We understand")],
    ),
]

LIVE = [
    (
        "live-time-says",
        "10:42 a.m.: Governor Lisa Tran says schools will remain closed through Friday.",
        [("Lisa Tran", R, "schools will remain")],
    ),
    (
        "live-prnewswire",
        "SAN DIEGO, March 3, 2024 /PRNewswire/ -- Celdra Inc. today announced that it has "
        "completed its acquisition of Biovane.",
        [("Celdra Inc.", R, "that it has completed")],
    ),
    (
        "live-pr-ceo",
        '"We are thrilled to welcome the Biovane team," said Mark Ellery, CEO of Celdra.',
        [("Mark Ellery", D, "We are thrilled")],
    ),
    (
        "live-update-spokesman",
        "Update, 3:15 p.m.: A spokesman for the fire department said the blaze was under control.",
        [("A spokesman for the fire department", R, "the blaze")],
    ),
    (
        "live-breaking",
        "BREAKING: Prime Minister Jane Doyle says she will resign.",
        [("Jane Doyle", R, "she will resign")],
    ),
    (
        "live-time-direct",
        '14:05 - "We are doing everything we can," Chief Constable Ian Moore tells reporters.',
        [("Ian Moore", D, "We are doing everything")],
    ),
    (
        "live-pr-business-wire",
        "BOSTON--(BUSINESS WIRE)--Arkon Therapeutics, Inc. today announced positive "
        "results from its Phase 2 trial.",
        [],
    ),
    (
        "live-pr-quote-title",
        '"Our customers asked for a faster checkout and we delivered," said Julia Brandt, '
        "Vice President of Product at Shopwise.",
        [("Julia Brandt", D, "Our customers asked")],
    ),
    (
        "live-bullet-says",
        "• The health minister, Ravi Menon, says 120 people remain in hospital.",
        [("Ravi Menon", R, "120 people remain")],
    ),
    (
        "live-pr-two-quotes",
        '"Today marks an important milestone for our company," said Dr. Aisha Rahman, '
        'Chief Executive Officer of Norvance. "We look forward to bringing this therapy '
        'to patients."',
        [("Aisha Rahman", D, "Today marks"), ("Aisha Rahman", D, "We look forward")],
    ),
    (
        "live-time-dash-pronoun",
        '11:05 a.m. — Senator Ruth Cole says she will vote against the bill. "It goes '
        'too far," she tells reporters.',
        [("Ruth Cole", R, "she will vote"), ("Ruth Cole", D, "It goes too far")],
    ),
    (
        "live-dash-bullet-mixed",
        '— The Russian foreign ministry said it would respond to the sanctions "in a '
        'measured way".',
        [("Russian foreign ministry", M, "it would respond")],
    ),
    (
        "live-pr-boilerplate",
        "Founded in 2009, Norvance develops treatments for rare diseases.",
        [],
    ),
]

MARKS = [
    (
        "marks-curly",
        "“We’ll be back,” said Tanaka.",
        [("Tanaka", D, "We’ll be back")],
    ),
    (
        "marks-single-mixed",
        "Minister Paul Grant said the plan was 'unworkable'.",
        [("Paul Grant", M, "the plan was")],
    ),
    (
        "marks-single-straight",
        "'We have no choice,' said Ms Adeyemi.",
        [("Adeyemi", D, "We have no choice")],
    ),
    (
        "marks-single-curly",
        "‘It was chaos,’ said one witness.",
        [("one witness", D, "It was chaos")],
    ),
    (
        "marks-guillemets-colon",
        "Prime Minister Luc Moreau said: «We will not give in to pressure.»",
        [("Luc Moreau", D, "We will not give in")],
    ),
    (
        "marks-guillemets-said",
        "«This is a historic day», said Elena Petrova, the commission's president.",
        [("Elena Petrova", D, "This is a historic day")],
    ),
    (
        "marks-guillemets-spaced",
        "« This is a historic day », said Elena Petrova.",
        [("Elena Petrova", D, "This is a historic day")],
    ),
    (
        "marks-reversed-guillemets",
        "»We are ready«, said Klaus Weber.",
        [("Klaus Weber", D, "We are ready")],
    ),
    (
        "marks-low-high",
        "„We are ready“, said Klaus Weber.",
        [("Klaus Weber", D, "We are ready")],
    ),
    (
        "marks-straight-aide",
        '"No comment," said the senator\'s aide.',
        [("the senator's aide", D, "No comment")],
    ),
    (
        "marks-curly-mixed",
        "Minister Anne Kelly said the report was “deeply flawed” and should be withdrawn.",
        [("Anne Kelly", M, "the report was")],
    ),
    (
        "marks-nested-single",
        "\"He told me, 'Don't worry about it,' and walked out,\" said Greta Lind.",
        [("Greta Lind", D, "He told me")],
    ),
    (
        "marks-backtick-pairs",
        "``We will win this,'' said Dale Price.",
        [("Dale Price", D, "We will win this")],
    ),
    (
        "marks-curly-single-british",
        "Mr Hollins said the deal was ‘a bad day for workers’.",
        [("Hollins", M, "the deal was")],
    ),
    (
        "marks-curly-two-part",
        "“We will appeal,” the club’s chairman, Rob Daly, said. “This is not over.”",
        [("Rob Daly", D, "We will appeal"), ("Rob Daly", D, "This is not over")],
    ),
    (
        "marks-single-two",
        "'It's over,' said Ms Harper. 'We have to move on.'",
        [("Harper", D, "It's over"), ("Harper", D, "We have to move on")],
    ),
    (
        "marks-guillemets-mixed",
        "Foreign Minister Pierre Lagarde said the proposal was «unacceptable».",
        [("Pierre Lagarde", M, "the proposal was")],
    ),
    (
        "marks-curly-single-inside-double",
        "“She called it ‘a disgrace’,” said Tom Webb.",
        [("Tom Webb", D, "She called it")],
    ),
    (
        "wire-said-in-interview",
        '"We did not expect this," Olsen said in an interview on Tuesday.',
        [("Olsen", D, "We did not expect")],
    ),
    (
        "wire-spokesman-for",
        '"The minister has no plans to resign," said Tom Ellis, a spokesman for the ministry.',
        [("Tom Ellis", D, "The minister has no plans")],
    ),
    (
        "wire-according-agency",
        "According to Moody's, the country's debt will peak at 95% of output in 2026.",
        [("Moody's", R, "the country's debt")],
    ),
    (
        "court-told-name-mixed",
        'Judge Laura Fenwick told Carter he had shown "no remorse whatsoever."',
        [("Laura Fenwick", M, "he had shown")],
    ),
    (
        "court-police-in-statement",
        "In a statement, Thames Valley Police said a 32-year-old woman had been arrested "
        "on suspicion of murder.",
        [("Thames Valley Police", R, "a 32-year-old woman")],
    ),
    (
        "sport-told-radio-colon",
        'Leeds boss Tom Carr told BBC Radio Leeds: "We were second best for 90 minutes."',
        [("Tom Carr", D, "We were second best")],
    ),
    (
        "sport-paragraphs",
        "Ellie Brooks scored twice as Chelsea won 3-0.\n\n"
        '"I\'m just happy to help the team," said Brooks.\n\n'
        '"The manager told me to be brave, so I was."',
        [("Ellie Brooks", D, "I'm just happy"), ("Ellie Brooks", D, "The manager told me")],
    ),
    (
        "sport-interrupted-that",
        '"I knew," Hamilton said, "that the tyres would not last."',
        [("Hamilton", D, "I knew"), ("Hamilton", D, "that the tyres")],
    ),
    (
        "biz-mixed-adding",
        'Chief executive Sam Okafor said demand had been "exceptional", adding that the '
        "company would hire 500 staff.",
        [("Sam Okafor", M, "demand had been"), ("Sam Okafor", R, "that the company would")],
    ),
    (
        "feature-colon-paragraph",
        "Grace Mbeki remembers her first day on the ward:\n\n"
        '"I walked in and nobody looked up. Everybody was too busy. By the end of the '
        'shift, so was I."',
        [("Grace Mbeki", D, "I walked in")],
    ),
]

# Passages long enough to wrap, wrapped at 70 columns (a paragraph at a time)
# as plain-text archives and wire feeds are: they must read as they do unwrapped.
_TO_WRAP = {
    "wire-anonymity",
    "wire-dateline-announced",
    "wire-report-released",
    "wire-said-adding",
    "court-judge-told-before",
    "court-opening-statement",
    "sport-asked-veteran",
    "sport-told-sky-two",
    "biz-filing",
    "biz-portfolio-manager-two",
    "feature-runs-over-paragraphs",
    "feature-remembers-says",
    "wire-state-media-mixed",
    "court-prosecutor-told-jurors",
}


def _wrap(text: str) -> str:
    return "\n\n".join(textwrap.fill(p, 70) for p in text.split("\n\n"))


_ALL = WIRE + COURT + SPORT + BUSINESS + FEATURE + INTERVIEW + LIVE + MARKS
WRAPPED = [("wrapped-" + n, _wrap(t), exp) for n, t, exp in _ALL if n in _TO_WRAP]
CASES = _ALL + WRAPPED

# Passages the engine does not yet read right, and why.
XFAIL: dict[str, str] = {
    "wire-people-familiar": "'Two people familiar with the matter' is no speaker: no claim",
    "wire-denied": "a noun phrase after 'denied' is taken as a claim (PolNeAR annotates one)",
    "wire-confirmed-np": "a noun phrase after 'confirmed' is taken as a claim, as in PolNeAR",
    "court-complaint-alleges": "an unnamed document ('the complaint') as subject: no claim",
    "court-lawsuit-claims": "an unnamed document ('the lawsuit') as subject: no claim",
    "biz-the-company-said-later": "'reported a loss' taken as a claim; 'The company' unresolved",
    "feature-says-two": "a surname alone ('Dawson') is not known as a person for 'he'",
    "feature-dash-aside": "'as Greene calls it' inside dashes names no speaker",
    "feature-no-cue-next": "a surname alone opening the sentence before may be no name: no speaker",
}


def _found(text: str) -> list[tuple[str | None, str, str]]:
    """(speaker, kind, words) of each quote, a split quotation counted a part at a time."""
    out = []
    for q in extract(text).quotes:
        spans = q.parts if q.kind == DIRECT and q.parts else [(q.start, q.end)]
        for s, e in spans:
            out.append((q.speaker, q.kind, " ".join(text[s:e].split())))
    return out


def _same_speaker(gold: str, found: str | None) -> bool:
    if found is None:
        return False

    def words(name: str) -> list[str]:
        return re.findall(r"\w+(?:'\w+)?", name.lower().replace("'s ", " "))

    g, f = words(gold), words(found)
    drop = {"the", "a", "an", "mr", "ms", "mrs", "dr"}
    g, f = [w for w in g if w not in drop], [w for w in f if w not in drop]
    return bool(g and f) and (g == f or set(g) <= set(f) or set(f) <= set(g) or g[-1] == f[-1])


def matches(text: str, expected: list[tuple[str, str, str]]) -> list[str]:
    """What differs between the engine's quotes and the expected ones (empty when none)."""
    found = _found(text)
    left = list(found)
    problems = []
    for speaker, kind, start in expected:
        fits = (f for f in left if f[1] == kind and f[2].startswith(start))
        hit = next((f for f in fits if _same_speaker(speaker, f[0])), None)
        if hit is None:
            problems.append(f"missing {(speaker, kind, start)}")
        else:
            left.remove(hit)
    problems += [f"extra {f}" for f in left]
    if problems:
        problems.append(f"found {found}")
    return problems


def _params():
    for name, text, expected in CASES:
        marks = ()
        if name in XFAIL:
            marks = (pytest.mark.xfail(reason=XFAIL[name], strict=True),)
        yield pytest.param(text, expected, id=name, marks=marks)


@pytest.mark.parametrize(("text", "expected"), list(_params()))
def test_style(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert matches(text, expected) == []


def test_table_is_large_and_unique() -> None:
    names = [n for n, _, _ in CASES]
    assert len(names) == len(set(names))
    assert len(CASES) >= 150
