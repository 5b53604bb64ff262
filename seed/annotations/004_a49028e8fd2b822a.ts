import { defineAnnotations } from '../lib/annotation-types.ts';

// NATO fact sheet "NATO's Assistance to Iraq" (2005): the training mission established in response to the
// Iraqi Interim Government's request, its expansion after the 22 February 2005 summit, and the 26 members.
// Dates of accession are public record (the 2005 text only lists the members); a membership with no end
// date lasted beyond these texts.
const NATO_MEMBERS = {
  title: 'NATO member countries', publisher: 'NATO', url: 'https://www.nato.int/cps/en/natohq/topics_52044.htm',
  note: 'The member countries and the years they joined.',
};
const MEMBERSHIP_NOTE = (joined: string) => `${joined} Public record; the membership lasted beyond these texts (no end date).`;

export default defineAnnotations({
  document: '004_a49028e8fd2b822a',

  actors: [
    {
      slug: 'nato',
      mentions: [
        "NATO's Assistance to Iraq",
        'The North Atlantic Treaty Organization is made up of the following member countries',
        "the Alliance's Headquarters in Brussels",
        'NATO Headquarters',
        // Every other occurrence of the alliance's name in the text is a mention too.
        { quote: 'NATO', occurrence: 2 },
        { quote: 'NATO', occurrence: 3 },
        { quote: 'NATO', occurrence: 4 },
        { quote: 'NATO', occurrence: 5 },
        { quote: 'NATO', occurrence: 6 },
        { quote: 'NATO', occurrence: 7 },
        { quote: 'NATO', occurrence: 8 },
        { quote: 'NATO', occurrence: 10 },
        { quote: 'NATO', occurrence: 11 },
        { quote: 'NATO', occurrence: 12 },
        { quote: 'NATO', occurrence: 13 },
        { quote: 'Alliance', occurrence: 1 },
        { quote: 'Alliance', occurrence: 2 },
        { quote: 'Alliance', occurrence: 4 },
      ],
    },
    {
      slug: 'iraq',
      mentions: ['NATO is helping Iraq provide for its own security', 'help Iraq build the capability'],
    },
    {
      slug: 'iraqi-interim-government',
      name: 'Iraqi Interim Government',
      kind: 'ORGANIZATION',
      countryCode: 'IRQ',
      description: 'Interim government of Iraq led by Iyad Allawi, unveiled on 1 June 2004, which took power at the transfer of sovereignty on 28 June 2004 and served until May 2005.',
      mentions: ['the Iraqi Interim Government'],
      relations: [
        {
          kind: 'PART_OF', to: 'iraq', since: '2004-06-01', until: '2005-05',
          dateNote: "Unveiled on 1 June 2004 (text 000); replaced by the Iraqi Transitional Government in May 2005 (public record; month precision).",
          evidence: ['the Iraqi Interim Government'],
        },
      ],
    },
    {
      slug: 'government-of-iraq',
      mentions: ['its Government'],
      relations: [{ kind: 'PART_OF', to: 'iraq', evidence: ['help Iraq build the capability of its Government'] }],
    },
    {
      slug: 'iraqi-security-forces',
      name: 'Iraqi Security Forces',
      kind: 'ORGANIZATION',
      countryCode: 'IRQ',
      description: "Iraq's military and police forces.",
      aliases: ['Iraqi security forces'],
      mentions: [
        { quote: 'the Iraqi security forces', occurrence: 1 },
        { quote: 'the Iraqi security forces', occurrence: 2 },
        'the Iraqi forces',
      ],
      relations: [
        { kind: 'PART_OF', to: 'iraq', evidence: [{ quote: 'the Iraqi security forces', occurrence: 1 }] },
      ],
    },
    {
      slug: 'belgium',
      name: 'Belgium',
      kind: 'STATE',
      countryCode: 'BEL',
      description: 'NATO member state.',
      mentions: ['Belgium'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1949', dateNote: MEMBERSHIP_NOTE('A founding member: signed the North Atlantic Treaty on 4 April 1949 (in force 24 August 1949); year only.'), evidence: ['Belgium'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'bulgaria',
      name: 'Bulgaria',
      kind: 'STATE',
      countryCode: 'BGR',
      description: 'NATO member state.',
      mentions: ['Bulgaria'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '2004-03-29', dateNote: MEMBERSHIP_NOTE('Joined on 29 March 2004.'), evidence: ['Bulgaria'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'canada',
      name: 'Canada',
      kind: 'STATE',
      countryCode: 'CAN',
      description: 'NATO member state.',
      mentions: ['Canada'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1949', dateNote: MEMBERSHIP_NOTE('A founding member: signed the North Atlantic Treaty on 4 April 1949 (in force 24 August 1949); year only.'), evidence: ['Canada'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'czech-republic',
      name: 'Czech Republic',
      kind: 'STATE',
      countryCode: 'CZE',
      description: 'NATO member state.',
      aliases: ['CzechRep', 'Czechia'],
      mentions: ['CzechRep'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1999-03-12', dateNote: MEMBERSHIP_NOTE('Joined on 12 March 1999.'), evidence: ['CzechRep'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'denmark',
      name: 'Denmark',
      kind: 'STATE',
      countryCode: 'DNK',
      description: 'NATO member state.',
      mentions: ['Denmark'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1949', dateNote: MEMBERSHIP_NOTE('A founding member: signed the North Atlantic Treaty on 4 April 1949 (in force 24 August 1949); year only.'), evidence: ['Denmark'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'estonia',
      name: 'Estonia',
      kind: 'STATE',
      countryCode: 'EST',
      description: 'NATO member state.',
      mentions: ['Estonia'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '2004-03-29', dateNote: MEMBERSHIP_NOTE('Joined on 29 March 2004.'), evidence: ['Estonia'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'france',
      name: 'France',
      kind: 'STATE',
      countryCode: 'FRA',
      description: 'NATO member state.',
      mentions: ['France'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1949', dateNote: MEMBERSHIP_NOTE('A founding member: signed the North Atlantic Treaty on 4 April 1949 (in force 24 August 1949); year only.'), evidence: ['France'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'germany',
      name: 'Germany',
      kind: 'STATE',
      countryCode: 'DEU',
      description: 'NATO member state.',
      mentions: ['Germany'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1955-05', dateNote: MEMBERSHIP_NOTE('Joined as the Federal Republic of Germany in May 1955 (month precision).'), evidence: ['Germany'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'greece',
      name: 'Greece',
      kind: 'STATE',
      countryCode: 'GRC',
      description: 'NATO member state.',
      mentions: ['Greece'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1952-02-18', dateNote: MEMBERSHIP_NOTE('Joined on 18 February 1952.'), evidence: ['Greece'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'hungary',
      name: 'Hungary',
      kind: 'STATE',
      countryCode: 'HUN',
      description: 'NATO member state.',
      mentions: ['Hungary'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1999-03-12', dateNote: MEMBERSHIP_NOTE('Joined on 12 March 1999.'), evidence: ['Hungary'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'iceland',
      name: 'Iceland',
      kind: 'STATE',
      countryCode: 'ISL',
      description: 'NATO member state.',
      mentions: ['Iceland'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1949', dateNote: MEMBERSHIP_NOTE('A founding member: signed the North Atlantic Treaty on 4 April 1949 (in force 24 August 1949); year only.'), evidence: ['Iceland'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'italy',
      name: 'Italy',
      kind: 'STATE',
      countryCode: 'ITA',
      description: 'NATO member state.',
      mentions: ['Italy'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1949', dateNote: MEMBERSHIP_NOTE('A founding member: signed the North Atlantic Treaty on 4 April 1949 (in force 24 August 1949); year only.'), evidence: ['Italy'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'latvia',
      name: 'Latvia',
      kind: 'STATE',
      countryCode: 'LVA',
      description: 'NATO member state.',
      mentions: ['Latvia'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '2004-03-29', dateNote: MEMBERSHIP_NOTE('Joined on 29 March 2004.'), evidence: ['Latvia'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'lithuania',
      name: 'Lithuania',
      kind: 'STATE',
      countryCode: 'LTU',
      description: 'NATO member state.',
      mentions: ['Lithuania'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '2004-03-29', dateNote: MEMBERSHIP_NOTE('Joined on 29 March 2004.'), evidence: ['Lithuania'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'luxembourg',
      name: 'Luxembourg',
      kind: 'STATE',
      countryCode: 'LUX',
      description: 'NATO member state.',
      mentions: ['Luxembourg'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1949', dateNote: MEMBERSHIP_NOTE('A founding member: signed the North Atlantic Treaty on 4 April 1949 (in force 24 August 1949); year only.'), evidence: ['Luxembourg'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'netherlands',
      name: 'Netherlands',
      kind: 'STATE',
      countryCode: 'NLD',
      description: 'NATO member state.',
      mentions: ['Netherlands'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1949', dateNote: MEMBERSHIP_NOTE('A founding member: signed the North Atlantic Treaty on 4 April 1949 (in force 24 August 1949); year only.'), evidence: ['Netherlands'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'norway',
      name: 'Norway',
      kind: 'STATE',
      countryCode: 'NOR',
      description: 'NATO member state.',
      mentions: ['Norway'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1949', dateNote: MEMBERSHIP_NOTE('A founding member: signed the North Atlantic Treaty on 4 April 1949 (in force 24 August 1949); year only.'), evidence: ['Norway'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'poland',
      name: 'Poland',
      kind: 'STATE',
      countryCode: 'POL',
      description: 'NATO member state.',
      mentions: ['Poland'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1999-03-12', dateNote: MEMBERSHIP_NOTE('Joined on 12 March 1999.'), evidence: ['Poland'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'portugal',
      name: 'Portugal',
      kind: 'STATE',
      countryCode: 'PRT',
      description: 'NATO member state.',
      mentions: ['Portugal'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1949', dateNote: MEMBERSHIP_NOTE('A founding member: signed the North Atlantic Treaty on 4 April 1949 (in force 24 August 1949); year only.'), evidence: ['Portugal'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'romania',
      name: 'Romania',
      kind: 'STATE',
      countryCode: 'ROU',
      description: 'NATO member state.',
      mentions: ['Romania'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '2004-03-29', dateNote: MEMBERSHIP_NOTE('Joined on 29 March 2004.'), evidence: ['Romania'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'slovakia',
      name: 'Slovakia',
      kind: 'STATE',
      countryCode: 'SVK',
      description: 'NATO member state.',
      mentions: ['Slovakia'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '2004-03-29', dateNote: MEMBERSHIP_NOTE('Joined on 29 March 2004.'), evidence: ['Slovakia'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'slovenia',
      name: 'Slovenia',
      kind: 'STATE',
      countryCode: 'SVN',
      description: 'NATO member state.',
      mentions: ['Slovenia'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '2004-03-29', dateNote: MEMBERSHIP_NOTE('Joined on 29 March 2004.'), evidence: ['Slovenia'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'spain',
      name: 'Spain',
      kind: 'STATE',
      countryCode: 'ESP',
      description: 'NATO member state.',
      mentions: ['Spain'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1982-05-30', dateNote: MEMBERSHIP_NOTE('Joined on 30 May 1982.'), evidence: ['Spain'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'turkey',
      name: 'Turkey',
      kind: 'STATE',
      countryCode: 'TUR',
      description: 'NATO member state.',
      mentions: ['Turkey'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1952-02-18', dateNote: MEMBERSHIP_NOTE('Joined on 18 February 1952.'), evidence: ['Turkey'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'united-kingdom',
      name: 'United Kingdom',
      kind: 'STATE',
      countryCode: 'GBR',
      description: 'NATO member state.',
      mentions: ['United Kingdom'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1949', dateNote: MEMBERSHIP_NOTE('A founding member: signed the North Atlantic Treaty on 4 April 1949 (in force 24 August 1949); year only.'), evidence: ['United Kingdom'], citations: [NATO_MEMBERS] }],
    },
    {
      slug: 'united-states',
      name: 'United States',
      kind: 'STATE',
      countryCode: 'USA',
      description: 'United States of America; NATO member state.',
      aliases: ['US', 'U.S.', 'USA'],
      mentions: ['United States'],
      relations: [{ kind: 'MEMBER_OF', to: 'nato', since: '1949', dateNote: MEMBERSHIP_NOTE('A founding member: signed the North Atlantic Treaty on 4 April 1949 (in force 24 August 1949); year only.'), evidence: ['United States'], citations: [NATO_MEMBERS] }],
    },
  ],

  events: [
    {
      slug: 'nato-training-implementation-mission-2004',
      kind: 'MISSION',
      status: 'OCCURRED',
      title: 'NATO Training Implementation Mission in Iraq',
      summary:
        'Mission of about 50 NATO officers working on the ground in Baghdad from August 2004 to train and mentor senior-level personnel of the Iraqi security forces; the forerunner of the NATO Training Mission-Iraq.',
      start: '2004-07-30',
      end: '2004-12-16',
      dateNote:
        "The text says it has worked on the ground 'Since August 2004' (its core team arrived in Baghdad on 14 August). Public " +
        'record: set up on 30 July 2004; on 16 December 2004 it became the NATO Training Mission-Iraq.',
      quantities: [{ amount: 50, unit: 'officers', qualifier: 'ABOUT', text: 'about 50 officers' }],
      citations: [
        {
          title: 'NATO Training Implementation Mission – Iraq', publisher: 'Government of Canada, National Defence (Directorate of History and Heritage)',
          url: 'https://www.canada.ca/en/department-national-defence/services/military-history/history-heritage/past-operations/middle-east/nato-training-implementation-mission-iraq-2004.html',
          note: 'Operation dates 2004/07/30 – 2004/12/16; terms agreed with the interim Iraqi government on 30 July.',
        },
        {
          title: 'NATO training mission arrives in Iraq', publisher: 'NATO (News)',
          url: 'https://www.nato.int/cps/en/natolive/news_20780.htm', published: '2004-08-14',
          note: 'The core of the mission, initially about 50 officers and NCOs, arrived in Baghdad on 14 August 2004.',
        },
      ],
      location: { name: 'Baghdad', countryCode: 'IRQ' },
      participants: [
        { actor: 'nato', role: 'HOST', evidence: ['a NATO Training Implementation Mission of about 50 officers'] },
        {
          actor: 'iraqi-security-forces',
          role: 'SUBJECT',
          evidence: ['to train and mentor senior-level personnel from the Iraqi security forces'],
        },
      ],
      evidence: [
        'Since August 2004, a NATO Training Implementation Mission of about 50 officers has been working on the ground in Baghdad',
      ],
    },
    {
      slug: 'nato-training-mission-iraq',
      kind: 'MISSION',
      status: 'OCCURRED',
      title: 'NATO Training Mission-Iraq (NTM-I)',
      summary:
        "NATO's non-combat mission, established in response to the Iraqi Interim Government's request, to train and mentor " +
        'Iraqi security personnel in and outside Iraq and coordinate offers of equipment and training; expanded after the ' +
        'February 2005 summit and extended by the 2008 Bucharest summit to the end of 2009.',
      start: '2004-12-16',
      end: '2011-12-31',
      dateNote:
        "The 2005 text says NATO 'has established a Training Mission in Iraq'. Public record: the mission took this name on 16 " +
        'December 2004, succeeding the Training Implementation Mission, and ended on 31 December 2011.',
      quantities: [
        { amount: 360, unit: 'personnel', qualifier: 'UP_TO', text: 'fully staffed up to 360 personnel', note: 'Staffing planned after the summit of 22 February 2005.' },
        { amount: 1000, unit: 'Iraqi officers trained per year in Iraq', qualifier: 'ABOUT', text: 'about 1,000 Iraqi officers in the country' },
        { amount: 500, unit: 'Iraqi officers trained per year outside Iraq', qualifier: 'ABOUT', text: 'about 500 outside of Iraq per year' },
      ],
      citations: [
        {
          title: 'Name changes as Iraq mission grows', publisher: 'NATO (News)',
          url: 'https://www.nato.int/en/news-and-events/articles/news/2004/12/16/name-changes-as-iraq-mission-grows', published: '2004-12-16',
          note: "The Activation Order of 16 December changes the mission's name from NATO Training Implementation Mission to NATO Training Mission-Iraq.",
        },
        {
          title: "NATO's assistance to Iraq (Archived)", publisher: 'NATO', url: 'https://www.nato.int/cps/en/natohq/topics_51978.htm',
          note: 'NTM-I was established in 2004 and withdrawn from Iraq on 31 December 2011 when its mandate expired.',
        },
      ],
      location: { name: 'Iraq', countryCode: 'IRQ' },
      participants: [
        { actor: 'nato', role: 'HOST', evidence: ['NATO has established a Training Mission in Iraq'] },
        {
          actor: 'iraqi-security-forces',
          role: 'SUBJECT',
          evidence: ['NATO is training and mentoring middle and senior level personnel from the Iraqi security forces'],
        },
      ],
      evidence: [
        'NATO has established a Training Mission in Iraq',
        'NATO is involved in training, equipping, and technical assistance - not combat.',
        'The aim of the Training Mission is to help Iraq build the capability of its Government',
        "NATO's training mission will be fully staffed up to 360 personnel and fully funded",
        'It aims to provide training to about 1,000 Iraqi officers in the country, and about 500 outside of Iraq per year',
      ],
    },
    {
      slug: 'training-equipment-coordination-group-2004',
      kind: 'ESTABLISHMENT',
      status: 'OCCURRED',
      title: 'Establishment of the NATO Training and Equipment Coordination Group',
      summary:
        'NATO set up a Training and Equipment Coordination Group to coordinate the training, equipment and technical assistance that NATO nations provide to Iraq bilaterally.',
      start: '2004-10-08',
      dateNote: "Day from the text ('on 8 October 2004').",
      location: { name: 'NATO Headquarters, Brussels', countryCode: 'BEL' },
      participants: [
        { actor: 'nato', role: 'HOST', evidence: ['established at NATO Headquarters on 8 October 2004'] },
      ],
      evidence: [
        'a NATO Training and Equipment Coordination Group, which was established at NATO Headquarters on 8 October 2004',
        'the Alliance is also helping to coordinate training, equipment and technical assistance provided by NATO nations on a bilateral basis',
      ],
    },
    {
      slug: 'brussels-summit-2005',
      kind: 'SUMMIT',
      status: 'OCCURRED',
      title: 'NATO summit in Brussels (22 February 2005)',
      summary:
        'Summit meeting of NATO heads of state and government at NATO headquarters, after which NATO\'s training mission in Iraq was to be fully staffed (up to 360 personnel) and fully funded.',
      start: '2005-02-22',
      location: { name: 'NATO Headquarters, Brussels', countryCode: 'BEL' },
      participants: [
        { actor: 'nato', role: 'HOST', evidence: ['the Summit meeting of NATO Heads of State and Government'] },
      ],
      evidence: ["the Summit meeting of NATO Heads of State and Government at the Alliance's Headquarters in Brussels, 22 February 2005"],
    },
    {
      slug: 'iraqi-training-education-doctrine-centre',
      kind: 'ESTABLISHMENT',
      status: 'PLANNED',
      title: 'Establishment of an Iraqi Training Education and Doctrine Centre',
      summary:
        'Planned next stage of NATO assistance: helping to establish an Iraqi Training Education and Doctrine Centre providing leadership and management training for middle and senior level Iraqi officers.',
      start: '2005',
      dateNote: "Planned 'in 2005' (text of 2005).",
      participants: [
        { actor: 'nato', role: 'HOST', evidence: ['NATO help in establishing an Iraqi Training Education and Doctrine Centre'] },
        { actor: 'iraqi-security-forces', role: 'SUBJECT', evidence: ['the middle and senior level of the Iraqi forces'] },
      ],
      evidence: [
        'will support the establishment of a training centre for senior security and defence officials',
        'NATO help in establishing an Iraqi Training Education and Doctrine Centre in 2005',
      ],
    },
  ],

  requests: [
    {
      slug: 'allawi-2004-nato-assistance',
      statusHistory: [
        {
          key: 'istanbul-offer',
          status: 'ACCEPTED',
          date: '2004-06-28',
          dateNote: 'Public record: decided at the Istanbul summit on 28 June 2004.',
          note: "NATO's heads of state and government decided to offer NATO's assistance with the training of Iraq's security forces.",
          citations: [{
              title: 'Statement on Iraq, issued by the Heads of State and Government participating in the meeting of the North Atlantic Council in Istanbul on 28 June 2004',
              publisher: 'NATO (Press Release)', url: 'https://www.nato.int/docu/pr/2004/p04-098e.htm', published: '2004-06-28',
              note: "'In response to the request of the Iraqi Interim Government … we have decided today to offer NATO's assistance to the government of Iraq with the training of its security forces.'",
            }],
        },
        {
          key: 'training-delivered',
          status: 'FULFILLED',
          date: '2004-08',
          dateNote: "'Since August 2004' (text of 2005).",
          note: 'NATO trainers worked on the ground in Baghdad from August 2004, and a Training Mission in Iraq was established.',
          evidence: [
            'Since August 2004, a NATO Training Implementation Mission of about 50 officers has been working on the ground in Baghdad',
            'NATO has established a Training Mission in Iraq',
          ],
        },
      ],
      responses: [
        {
          key: 'istanbul-offer',
          responder: 'nato',
          stance: 'ACCEPTS',
          date: '2004-06-28',
          dateNote: 'Public record: the Statement on Iraq of the Istanbul summit, 28 June 2004. Istanbul agreed to offer training; it set up no mission.',
          event: 'istanbul-summit-2004',
          answers: ['training'],
          summary: "At the Istanbul summit NATO decided to offer its assistance to the Iraqi government with the training of Iraq's security forces.",
          citations: [{
              title: 'Statement on Iraq, issued by the Heads of State and Government participating in the meeting of the North Atlantic Council in Istanbul on 28 June 2004',
              publisher: 'NATO (Press Release)', url: 'https://www.nato.int/docu/pr/2004/p04-098e.htm', published: '2004-06-28',
              note: "'In response to the request of the Iraqi Interim Government … we have decided today to offer NATO's assistance to the government of Iraq with the training of its security forces.'",
            }],
        },
        {
          key: 'training-implementation-mission',
          responder: 'nato',
          stance: 'ACCEPTS',
          date: '2004-07-30',
          dateNote: "Public record: set up on 30 July 2004; the text says it has worked on the ground 'Since August 2004'.",
          event: 'nato-training-implementation-mission-2004',
          answers: ['training'],
          summary: 'NATO set up a Training Implementation Mission of about 50 officers, on the ground in Baghdad from August 2004, to train and mentor senior Iraqi security personnel.',
          quantities: [{ amount: 50, unit: 'officers', qualifier: 'ABOUT', text: 'about 50 officers' }],
          evidence: ['Since August 2004, a NATO Training Implementation Mission of about 50 officers has been working on the ground in Baghdad'],
          citations: [
            {
              title: 'NATO Training Implementation Mission – Iraq', publisher: 'Government of Canada, National Defence (Directorate of History and Heritage)',
              url: 'https://www.canada.ca/en/department-national-defence/services/military-history/history-heritage/past-operations/middle-east/nato-training-implementation-mission-iraq-2004.html',
              note: 'Terms agreed with the interim Iraqi government on 30 July 2004, when the mission was formally created.',
            },
          ],
        },
        {
          key: 'training-mission-established',
          responder: 'nato',
          stance: 'ACCEPTS',
          date: '2004-12-16',
          dateNote: "Public record: the mission took the name NATO Training Mission-Iraq on 16 December 2004; the 2005 text says NATO 'has established a Training Mission in Iraq'.",
          event: 'nato-training-mission-iraq',
          answers: ['training', 'technical-assistance'],
          summary:
            "In response to the Iraqi Interim Government's request NATO established a Training Mission in Iraq (training, equipping and " +
            'technical assistance, not combat) and undertook to support a training centre for senior security and defence officials.',
          evidence: [
            'In response to a request by the Iraqi Interim Government, NATO has established a Training Mission in Iraq',
            'will support the establishment of a training centre for senior security and defence officials',
            'NATO is involved in training, equipping, and technical assistance - not combat.',
          ],
          citations: [
            {
              title: 'Name changes as Iraq mission grows', publisher: 'NATO (News)',
              url: 'https://www.nato.int/en/news-and-events/articles/news/2004/12/16/name-changes-as-iraq-mission-grows', published: '2004-12-16',
            },
          ],
        },
        {
          key: 'expansion-2005',
          responder: 'nato',
          stance: 'ACCEPTS',
          date: '2005-02-22',
          dateNote: 'The text ties the expansion to the summit of 22 February 2005 (staffing to follow it).',
          event: 'brussels-summit-2005',
          answers: ['training'],
          summary:
            'NATO expanded its assistance: after the 22 February 2005 summit its training mission was to be fully staffed (up to 360 personnel) and fully funded, training about 1,000 Iraqi officers in Iraq and 500 outside per year, with a significant amount of military equipment.',
          quantities: [
            { amount: 360, unit: 'personnel', qualifier: 'UP_TO', text: 'fully staffed up to 360 personnel' },
            { amount: 1000, unit: 'Iraqi officers trained per year in Iraq', qualifier: 'ABOUT', text: 'about 1,000 Iraqi officers in the country' },
            { amount: 500, unit: 'Iraqi officers trained per year outside Iraq', qualifier: 'ABOUT', text: 'about 500 outside of Iraq per year' },
          ],
          evidence: [
            'The Alliance is now expanding and enhancing its assistance.',
            "NATO's training mission will be fully staffed up to 360 personnel and fully funded",
            'as well as a significant amount of military equipment',
          ],
        },
        {
          key: 'france-contributes-2005',
          responder: 'france',
          stance: 'SUPPORTS',
          date: '2005',
          dateNote: 'Text of 2005; it lists France among the members, all of whom contribute.',
          summary:
            "France, which had refused to send soldiers to Iraq, contributed to NATO's assistance as every member did (in Iraq, outside " +
            'Iraq, financially or with equipment); the text does not say how.',
          evidence: ['All NATO member countries are contributing to the assistance', 'France'],
        },
        {
          key: 'germany-contributes-2005',
          responder: 'germany',
          stance: 'SUPPORTS',
          date: '2005',
          dateNote: 'Text of 2005; it lists Germany among the members, all of whom contribute.',
          summary:
            "Germany, which had refused to send soldiers to Iraq, contributed to NATO's assistance as every member did (in Iraq, outside " +
            'Iraq, financially or with equipment); the text does not say how.',
          evidence: ['All NATO member countries are contributing to the assistance', 'Germany'],
        },
      ],
      evidence: ['In response to a request by the Iraqi Interim Government'],
    },
    {
      slug: 'us-2004-nato-iraq-training',
      statusHistory: [
        {
          key: 'istanbul-offer',
          status: 'ACCEPTED',
          date: '2004-06-28',
          dateNote: 'Public record: decided at the Istanbul summit on 28 June 2004.',
          note: "NATO's leaders agreed at Istanbul to offer help with training Iraq's security forces.",
          citations: [{
              title: 'Statement on Iraq, issued by the Heads of State and Government participating in the meeting of the North Atlantic Council in Istanbul on 28 June 2004',
              publisher: 'NATO (Press Release)', url: 'https://www.nato.int/docu/pr/2004/p04-098e.htm', published: '2004-06-28',
              note: "'In response to the request of the Iraqi Interim Government … we have decided today to offer NATO's assistance to the government of Iraq with the training of its security forces.'",
            }],
        },
      ],
      responses: [
        {
          key: 'nato-accepts-istanbul',
          responder: 'nato',
          stance: 'ACCEPTS',
          date: '2004-06-28',
          dateNote:
            "NATO leaders agreed at the Istanbul summit on 28 June 2004 to help train Iraq's security forces (public record); the outcome is described in the 2005 NATO text.",
          event: 'istanbul-summit-2004',
          answers: ['training'],
          summary:
            "NATO agreed at the Istanbul summit to help train Iraq's security forces and went on to train Iraqi personnel through its training mission, without a combat role.",
          citations: [{
              title: 'Statement on Iraq, issued by the Heads of State and Government participating in the meeting of the North Atlantic Council in Istanbul on 28 June 2004',
              publisher: 'NATO (Press Release)', url: 'https://www.nato.int/docu/pr/2004/p04-098e.htm', published: '2004-06-28',
              note: "'In response to the request of the Iraqi Interim Government … we have decided today to offer NATO's assistance to the government of Iraq with the training of its security forces.'",
            }],
          evidence: [
            'NATO is helping Iraq provide for its own security by training Iraqi personnel',
            'NATO is involved in training, equipping, and technical assistance - not combat.',
          ],
        },
      ],
    },
  ],
});
