import { defineAnnotations } from '../lib/annotation-types.ts';

// AFP wire story of 23 June 2004 (as carried by SpaceWar.com): Iyad Allawi's letter asking NATO for
// training and technical assistance, ahead of the Istanbul summit of 28–29 June 2004.
export default defineAnnotations({
  document: '000_86de1592ab15966e',

  actors: [
    {
      slug: 'nato',
      name: 'North Atlantic Treaty Organization',
      kind: 'ORGANIZATION',
      description: 'Intergovernmental military alliance of North American and European states, headquartered in Brussels.',
      aliases: ['NATO'],
      mentions: [
        'North Atlantic Treaty Organization (NATO)',
        'sent a letter to the alliance',
        'the US-led alliance',
        'The now 26-member alliance',
        "intervention in Iraq was not NATO's job",
        // Every other occurrence of the alliance's name in the text is a mention too.
        { quote: 'Alliance', occurrence: 1 },
        { quote: 'NATO', occurrence: 2 },
        { quote: 'NATO', occurrence: 3 },
        { quote: 'NATO', occurrence: 4 },
        { quote: 'NATO', occurrence: 5 },
        { quote: 'NATO', occurrence: 6 },
        { quote: 'NATO', occurrence: 7 },
        { quote: 'NATO', occurrence: 9 },
        { quote: 'NATO', occurrence: 10 },
        { quote: 'NATO', occurrence: 11 },
        { quote: 'NATO', occurrence: 12 },
        { quote: 'NATO', occurrence: 13 },
        { quote: 'NATO', occurrence: 14 },
        { quote: 'NATO', occurrence: 15 },
        { quote: 'NATO', occurrence: 16 },
        { quote: 'NATO', occurrence: 17 },
        { quote: 'Alliance', occurrence: 2 },
      ],
    },
    {
      slug: 'iyad-allawi',
      mentions: ['Mr Allawi', 'The Iraqi prime minister', 'The premier'],
      roles: [
        {
          key: 'pm-2004',
          title: 'Prime Minister',
          within: 'iraq',
          from: '2004-06-01',
          to: '2005-05',
          dateNote:
            "Interim prime minister. From: the unveiling of 'his interim government' on June 1 (this text; year 2004 from its context). " +
            'He had been designated on 28 May 2004 and formally took power at the transfer of sovereignty on 28 June 2004; ' +
            'he was succeeded by Ibrahim al-Jaafari, whose government took office in May 2005 (public record; month precision, ' +
            'the day of the hand-over is not recorded here).',
          evidence: ['The Iraqi prime minister', 'his interim government was unveiled on June 1'],
          citations: [
            {
              title: 'List of prime ministers of Iraq', publisher: 'Wikipedia',
              url: 'https://en.wikipedia.org/wiki/List_of_prime_ministers_of_Iraq',
              note: 'Iyad Allawi, interim prime minister from June 2004, was succeeded by Ibrahim al-Jaafari in May 2005.',
            },
          ],
        },
      ],
    },
    {
      slug: 'jaap-de-hoop-scheffer',
      name: 'Jaap de Hoop Scheffer',
      kind: 'PERSON',
      countryCode: 'NLD',
      description: 'Dutch politician and diplomat; Secretary General of NATO from 2004 to 2009.',
      aliases: ['de Hoop Scheffer', 'De Hoop Scheffer'],
      mentions: ['NATO Secretary General Jaap de Hoop Scheffer', 'The NATO chief'],
      roles: [
        {
          key: 'nato-secretary-general',
          title: 'Secretary General',
          within: 'nato',
          from: '2004-01-01',
          to: '2009-07-31',
          dateNote:
            'Public record: he took office on 1 January 2004 and was succeeded by Anders Fogh Rasmussen on 1 August 2009, ' +
            'so his last day was 31 July 2009.',
          evidence: ['NATO Secretary General Jaap de Hoop Scheffer', 'The NATO chief'],
          citations: [{
              title: 'List of NATO Secretaries General', publisher: 'Wikipedia',
              url: 'https://en.wikipedia.org/wiki/List_of_NATO_Secretaries_General',
              note: 'Jaap de Hoop Scheffer took office on 1 January 2004; Anders Fogh Rasmussen succeeded him on 1 August 2009.',
            }],
        },
      ],
    },
    {
      slug: 'george-w-bush',
      name: 'George W. Bush',
      kind: 'PERSON',
      countryCode: 'USA',
      description: '43rd President of the United States (2001–2009).',
      aliases: ['Bush'],
      mentions: ['US President George W. Bush'],
      roles: [
        {
          key: 'us-president',
          title: 'President',
          within: 'united-states',
          from: '2001-01-20',
          to: '2009-01-20',
          dateNote: 'Term of office from public record.',
          evidence: ['US President George W. Bush'],
        },
      ],
    },
    {
      slug: 'jacques-chirac',
      name: 'Jacques Chirac',
      kind: 'PERSON',
      countryCode: 'FRA',
      description: 'President of France (1995–2007).',
      aliases: ['Chirac'],
      mentions: ['French President Jacques Chirac'],
      roles: [
        {
          key: 'french-president',
          title: 'President',
          within: 'france',
          from: '1995-05-17',
          to: '2007-05-16',
          dateNote: 'Term of office from public record.',
          evidence: ['French President Jacques Chirac'],
        },
      ],
    },
    {
      slug: 'afp',
      name: 'Agence France-Presse',
      kind: 'ORGANIZATION',
      countryCode: 'FRA',
      description: 'French international news agency; source of document 000.',
      aliases: ['AFP'],
      mentions: ['AFP'],
    },
    {
      slug: 'g8',
      name: 'Group of Eight',
      kind: 'ORGANIZATION',
      description: 'Forum of the governments of eight major industrialised countries.',
      aliases: ['G8'],
      mentions: ['G8'],
    },
    {
      slug: 'iraq',
      name: 'Iraq',
      kind: 'STATE',
      countryCode: 'IRQ',
      description: 'Republic of Iraq.',
      mentions: ['power is transferred in Iraq', 'Iraq is expected dominate discussion', 'the war-scarred country'],
    },
    {
      slug: 'united-states',
      mentions: ['the US is expected to press', 'Washington says it does not expect', 'But Washington has underlined'],
    },
    {
      slug: 'france',
      mentions: ['countries led by France', { quote: 'France', occurrence: 2 }],
    },
    {
      slug: 'germany',
      mentions: [{ quote: 'Germany', occurrence: 1 }, { quote: 'Germany', occurrence: 2 }],
    },
    {
      slug: 'turkey',
      mentions: ['Turkey'],
    },
    {
      slug: 'poland',
      mentions: ['logistical support to Poland'],
      relations: [
        {
          kind: 'MEMBER_OF',
          to: 'us-led-coalition',
          since: '2003-03',
          until: '2008-10',
          dateNote: 'Public record: Poland took part from the invasion of March 2003 and withdrew its troops in October 2008 (month precision).',
          evidence: ['Poland in running its sector of a multi-national force'],
        },
      ],
    },
    {
      slug: 'afghanistan',
      name: 'Afghanistan',
      kind: 'STATE',
      countryCode: 'AFG',
      description: 'Islamic Republic of Afghanistan (at the time of these texts).',
      mentions: ['Afghanistan'],
    },
    {
      slug: 'iraqi-interim-government',
      mentions: ['his interim government', 'the new Iraqi authorities'],
    },
    {
      slug: 'iraqi-security-forces',
      mentions: ['Iraqi security personnel', 'training Iraqi forces', 'all security forces'],
    },
    {
      slug: 'iraqi-army',
      mentions: ['the new army', 'including the army'],
      relations: [
        {
          kind: 'PART_OF',
          to: 'iraqi-security-forces',
          evidence: ['deploy all security forces, including the army'],
        },
      ],
    },
    {
      slug: 'us-led-coalition',
      mentions: ['a multi-national force in the war-scarred country'],
    },
  ],

  events: [
    {
      slug: 'allawi-letter-2004',
      kind: 'LETTER',
      status: 'OCCURRED',
      title: "Iyad Allawi's letter asking NATO for assistance",
      summary:
        "Iraq's interim prime minister Iyad Allawi sent a one-page letter to NATO and allied governments asking for training and " +
        'other forms of technical assistance, but not troops; NATO received it on Monday 21 June 2004 and the Secretary General ' +
        'passed it to the member states for consideration.',
      start: '2004-06-21',
      dateNote:
        "Sources disagree (see dateClaims): the US Defense Department calls it 'a June 20 letter', AFP says it 'was received " +
        "Monday' (21 June 2004) and NATO's own news of 22 June 2004 says it was sent on 22 June. The record uses 21 June, the " +
        'date of receipt reported by the only text of the corpus that dates it.',
      location: { name: 'NATO Headquarters, Brussels', countryCode: 'BEL' },
      dateClaims: [
        {
          key: 'us-dod-june-20',
          date: '2004-06-20',
          claim: 'a June 20 letter',
          note: 'Probably the date written on the letter, which the Defense Department quoted; not in the corpus.',
          citations: [
            {
              title: 'NATO Expected to Support Call to Help in Iraq', publisher: 'US Department of Defense (American Forces Press Service), via DVIDS',
              url: 'https://www.dvidshub.net/news/534641/nato-expected-support-call-help-iraq', published: '2004-06-27',
              note: "'In a June 20 letter to NATO Secretary-General Jaap de Hoop Scheffer, Allawi urged NATO …'",
            },
          ],
        },
        {
          key: 'afp-received-monday',
          date: '2004-06-21',
          claim: 'The letter was received Monday',
          used: true,
          note:
            "Monday before the AFP story of Wednesday 23 June 2004 is 21 June. Used: it is the corpus's own dating, from a NATO " +
            'official, and it is the date NATO had the letter in hand, which is what the request and its responses follow from.',
          evidence: [{ quote: 'The letter was received Monday', attribution: 'a NATO official' }],
        },
        {
          key: 'nato-news-june-22',
          date: '2004-06-22',
          claim: 'In a letter sent to the NATO Secretary General on 22 June',
          note: "NATO's own news item of the same day; it contradicts the AFP report of receipt on 21 June (not in the corpus).",
          citations: [
            {
              title: 'Iraqi government requests assistance from NATO', publisher: 'NATO (NATO Update)',
              url: 'https://www.nato.int/docu/update/2004/06-june/e0622a.htm', published: '2004-06-22',
              note: "'In a letter sent to the NATO Secretary General on 22 June, the interim Iraqi Prime Minister … requested NATO support through training and other forms of technical assistance.'",
            },
          ],
        },
      ],
      participants: [
        { actor: 'iyad-allawi', role: 'SENDER', evidence: ['Mr Allawi has ... sent a letter to the alliance'] },
        { actor: 'nato', role: 'RECIPIENT', evidence: ['sent a letter to the alliance'] },
        {
          actor: 'jaap-de-hoop-scheffer',
          role: 'RECIPIENT',
          evidence: ['has been transmitted to NATO member states for consideration by NATO Secretary General Jaap de Hoop Scheffer'],
        },
      ],
      evidence: [
        { quote: 'The letter was received Monday', attribution: 'a NATO official' },
        { quote: 'sent a letter to the alliance asking for NATO assistance', attribution: 'a NATO official' },
      ],
    },
    {
      slug: 'allawi-defence-overhaul-announcement-2004',
      kind: 'ANNOUNCEMENT',
      status: 'OCCURRED',
      title: "Allawi announces an overhaul of Iraq's defence structure",
      summary:
        "Iyad Allawi announced a dramatic overhaul of Iraq's defence structure, vowing to deploy all security forces, including " +
        'the army, against insurgents, and the formation of an elite military unit under an integrated Iraqi command and control system.',
      start: '2004-06-20',
      dateNote: "'last Sunday' relative to publication on Wednesday 23 June 2004 (in the week of 21–26 June 2004).",
      participants: [
        { actor: 'iyad-allawi', role: 'SPEAKER', evidence: ['The Iraqi prime minister last Sunday announced a dramatic overhaul'] },
        { actor: 'iraqi-security-forces', role: 'SUBJECT', evidence: ['vowing to deploy all security forces, including the army'] },
      ],
      evidence: [
        "last Sunday announced a dramatic overhaul of the country's defence structure",
        'the formation of an elite military unit to battle the insurgents',
        'the immediate priority is to establish an effective Iraqi command and control system',
      ],
    },
    {
      slug: 'iraqi-interim-government-unveiled-2004',
      kind: 'ANNOUNCEMENT',
      status: 'OCCURRED',
      title: 'Iraqi Interim Government unveiled',
      summary: 'The Iraqi Interim Government led by Iyad Allawi was unveiled.',
      start: '2004-06-01',
      dateNote: "Day and month from the text ('unveiled on June 1'); year 2004 from the story's context (Istanbul summit, transfer of power).",
      participants: [
        { actor: 'iraqi-interim-government', role: 'SUBJECT', evidence: ['his interim government was unveiled on June 1'] },
      ],
      evidence: ['his interim government was unveiled on June 1'],
    },
    {
      slug: 'istanbul-summit-2004',
      kind: 'SUMMIT',
      // Both 2004 texts were written before it ("next week"): planned, as the texts present it.
      status: 'PLANNED',
      title: 'NATO Istanbul Summit (2004)',
      summary:
        'Summit of NATO heads of state and government, expected to be dominated by Iraq, at which the United States was to press ' +
        "for a greater alliance role; the texts present it as upcoming. There (public record) the allies decided to offer NATO's " +
        "assistance with the training of Iraq's security forces.",
      start: '2004-06-28',
      end: '2004-06-29',
      dateNote:
        "Both 2004 texts present it as upcoming ('next Monday and Tuesday', 'next week in Istanbul'); it was held on 28–29 June 2004 (public record).",
      location: { name: 'Istanbul', countryCode: 'TUR' },
      citations: [
        {
          title: 'Statement on Iraq, issued by the Heads of State and Government participating in the meeting of the North Atlantic Council in Istanbul on 28 June 2004',
          publisher: 'NATO (Press Release)', url: 'https://www.nato.int/docu/pr/2004/p04-098e.htm', published: '2004-06-28',
          note: "'… we have decided today to offer NATO's assistance to the government of Iraq with the training of its security forces.'",
        },
      ],
      participants: [
        { actor: 'nato', role: 'HOST', evidence: ['a summit of North Atlantic Treaty Organization (NATO) leaders in Istanbul'] },
        { actor: 'united-states', role: 'ATTENDEE', evidence: ['the US is expected to press for the Alliance to play a greater role'] },
        { actor: 'iraq', role: 'SUBJECT', evidence: ['Iraq is expected dominate discussion'] },
      ],
      evidence: [
        'the NATO summit next Monday and Tuesday',
        'NATO leaders preparing to gather in Istanbul for the two-day summit next Monday',
      ],
    },
    {
      slug: 'g8-summit-2004',
      kind: 'SUMMIT',
      status: 'OCCURRED',
      title: 'G8 Sea Island Summit (2004)',
      summary:
        'Summit of the Group of Eight at which Jacques Chirac left open the possibility of NATO training Iraqi forces while ' +
        "affirming that intervention in Iraq was not NATO's job.",
      start: '2004-06-08',
      end: '2004-06-10',
      dateNote: "'this month's G8 summit' in a story of June 2004; held at Sea Island, Georgia, on 8–10 June 2004 (public record).",
      location: { name: 'Sea Island, Georgia', countryCode: 'USA' },
      participants: [
        { actor: 'g8', role: 'HOST', evidence: ["this month's G8 summit"] },
        { actor: 'jacques-chirac', role: 'ATTENDEE', evidence: ["At this month's G8 summit, French President Jacques Chirac"] },
      ],
      evidence: ["At this month's G8 summit"],
    },
    {
      slug: 'transfer-of-sovereignty-2004',
      kind: 'OTHER',
      // The June 2004 texts present it as imminent, not done.
      status: 'PLANNED',
      title: 'Transfer of sovereignty to the Iraqi Interim Government',
      summary:
        'Formal handover of governing authority in Iraq from the US-led occupation to the Iraqi Interim Government, which the June 2004 texts report as imminent.',
      start: '2004-06-28',
      dateNote:
        "The texts say 'days before power is transferred in Iraq' and 'as the transfer of sovereignty nears'; it was scheduled for " +
        '30 June and took place on 28 June 2004 (public record; see dateClaims).',
      dateClaims: [
        {
          key: 'scheduled-june-30',
          date: '2004-06-30',
          claim: 'the transfer from the US-led coalition to Iraq on 30 June',
          note: 'The date scheduled when the texts were written.',
          citations: [
            {
              title: 'Iraqi government requests assistance from NATO', publisher: 'NATO (NATO Update)',
              url: 'https://www.nato.int/docu/update/2004/06-june/e0622a.htm', published: '2004-06-22',
            },
          ],
        },
        {
          key: 'held-june-28',
          date: '2004-06-28',
          claim: 'On the 28th of June this year – the very same day as the transfer of sovereignty to my Government',
          used: true,
          note: 'The day it took place, brought forward by two days; used because the record dates what happened.',
          citations: [
            {
              title: 'Speech by Dr. Ayad Allawi, Prime Minister of Iraq, at the North Atlantic Council Meeting', publisher: 'NATO (Speeches)',
              url: 'https://www.nato.int/docu/speech/2004/s041105b.htm', published: '2004-11-05',
            },
          ],
        },
      ],
      location: { name: 'Baghdad', countryCode: 'IRQ' },
      participants: [{ actor: 'iraq', role: 'SUBJECT', evidence: ['power is transferred in Iraq'] }],
      evidence: ['days before power is transferred in Iraq'],
    },
    {
      slug: 'iraq-war-2003',
      evidence: ["last year's Iraq war", 'Countries which opposed the war'],
    },
    {
      slug: 'nato-turkey-dispute-2003',
      kind: 'OTHER',
      status: 'OCCURRED',
      title: 'NATO crisis over US plans for NATO to help Turkey',
      summary:
        'In the run-up to the 2003 Iraq war a group of allies led by France and Germany opposed US plans for NATO to help Turkey, ' +
        'plunging NATO into the most serious crisis of its history.',
      start: '2003-02',
      end: '2003-02-16',
      dateNote:
        "'in the run-up to last year's Iraq war' (text of 2004); the dispute came to a head in February 2003 and ended when NATO's " +
        'Defence Planning Committee, without France, agreed on 16 February 2003 (public record).',
      citations: [
        {
          title: 'Decision Sheet of the Defence Planning Committee: NATO Support to Turkey within the Framework of Article 4 of the North Atlantic Treaty',
          publisher: 'NATO (Press Release)', url: 'https://www.nato.int/docu/pr/2003/p030216e.htm', published: '2003-02-16',
        },
      ],
      participants: [
        { actor: 'nato', role: 'HOST', evidence: ['The now 26-member alliance was plunged into the most serious crisis'] },
        { actor: 'united-states', role: 'ATTENDEE', evidence: ['US plans for NATO to help Turkey'] },
        { actor: 'france', role: 'ATTENDEE', evidence: ['a group of countries led by France and Germany opposed'] },
        { actor: 'germany', role: 'ATTENDEE', evidence: ['a group of countries led by France and Germany opposed'] },
        { actor: 'turkey', role: 'SUBJECT', evidence: ['NATO to help Turkey'] },
      ],
      evidence: ['plunged into the most serious crisis of its 55-year history'],
    },
    {
      slug: 'nato-support-to-poland-iraq',
      kind: 'MISSION',
      status: 'OCCURRED',
      title: 'NATO support to the Polish-led multinational division in Iraq',
      summary:
        'NATO provides logistical support to Poland in running its sector of the multinational force in Iraq; it was NATO\'s only role in Iraq before the training mission.',
      start: '2003',
      dateNote: "Ongoing in June 2004 ('currently provides'); NATO agreed to support Poland's sector in 2003 (public record).",
      location: { name: 'Iraq', countryCode: 'IRQ' },
      participants: [
        { actor: 'nato', role: 'HOST', evidence: ['NATO currently provides logistical support to Poland'] },
        { actor: 'poland', role: 'RECIPIENT', evidence: ['logistical support to Poland'] },
      ],
      evidence: ['NATO currently provides logistical support to Poland in running its sector of a multi-national force'],
    },
    {
      slug: 'nato-afghanistan-engagement',
      evidence: ['as NATO tries to juggle its commitments notably in Afghanistan and the Balkans'],
    },
  ],

  requests: [
    {
      slug: 'allawi-2004-nato-assistance',
      summary:
        "Iraq's interim prime minister Iyad Allawi, for the Iraqi Interim Government, asked NATO by letter for training and " +
        'other forms of technical assistance, but not troops.',
      channel: 'LETTER',
      date: '2004-06',
      dateNote:
        "Made by the letter of June 2004, whose day the sources give differently (20, 21 or 22 June: see the letter's dateClaims).",
      madeAt: 'allawi-letter-2004',
      statusHistory: [
        {
          key: 'received',
          status: 'UNDER_CONSIDERATION',
          date: '2004-06-21',
          dateNote: "Received 'Monday' (21 June 2004) and passed to the member states for consideration.",
          note: 'The Secretary General transmitted the letter to the member states, who were considering and discussing it before the Istanbul summit.',
          evidence: [
            { quote: 'has been transmitted to NATO member states for consideration', attribution: 'a NATO official' },
            { quote: 'certainly allies are considering the request and discussing it', attribution: 'a NATO official' },
          ],
        },
      ],
      requesters: [
        { actor: 'iyad-allawi', onBehalfOf: 'iraqi-interim-government' },
        { actor: 'iraqi-interim-government' },
      ],
      addressees: [{ actor: 'nato' }],
      items: [
        {
          key: 'training',
          category: 'TRAINING',
          description: "Training for Iraq's security forces",
          evidence: [{ quote: 'in the form of training', attribution: 'a NATO official' }],
        },
        {
          key: 'technical-assistance',
          category: 'TECHNICAL_ASSISTANCE',
          description: 'Technical assistance',
          evidence: [{ quote: 'other forms of technical assistance', attribution: 'a NATO official' }],
        },
      ],
      responses: [
        {
          key: 'transmitted-to-member-states',
          responder: 'jaap-de-hoop-scheffer',
          stance: 'CONSIDERING',
          date: '2004-06',
          dateNote: 'Between receipt of the letter on 21 June 2004 and the AFP report of 23 June 2004.',
          summary: 'NATO Secretary General Jaap de Hoop Scheffer transmitted the letter to the NATO member states for consideration.',
          evidence: [{ quote: 'has been transmitted to NATO member states for consideration', attribution: 'a NATO official' }],
        },
        {
          key: 'allies-considering',
          responder: 'nato',
          stance: 'CONSIDERING',
          date: '2004-06',
          dateNote: 'Statement of a NATO official reported by AFP on 23 June 2004.',
          summary:
            'A NATO official said the allies were considering and discussing the request ahead of the Istanbul summit, declined to ' +
            'predict the decision, and guessed any training would be for the armed forces rather than the police.',
          evidence: [
            { quote: 'certainly allies are considering the request and discussing it', attribution: 'a NATO official' },
            { quote: 'The official declined to predict what the response will be', attribution: 'a NATO official' },
            { quote: 'I would guess it would go in the direction of armed forces', attribution: 'a NATO official', hedged: true },
            { quote: 'NATO is not really in the police business', attribution: 'a NATO official' },
          ],
        },
        {
          key: 'could-not-slam-the-door',
          responder: 'jaap-de-hoop-scheffer',
          stance: 'CONDITIONS',
          date: '2004-06',
          dateNote: "'has recently said repeatedly', in a story of 23 June 2004: said before the letter arrived, in June 2004 or earlier.",
          summary:
            "Before the letter, NATO's Secretary General said repeatedly that if Iraq requested assistance NATO 'could not slam the " +
            "door in their face', on condition that the call came from the new Iraqi authorities themselves.",
          evidence: [
            { quote: 'if Iraq were to request assistance, "NATO could not slam the door in their face,"', attributedTo: 'jaap-de-hoop-scheffer' },
            { quote: 'the call would have to come from the new Iraqi authorities themselves', attributedTo: 'jaap-de-hoop-scheffer' },
          ],
        },
      ],
      evidence: [
        'The request came ahead of a summit',
        { quote: 'asking for NATO assistance, in the form of training and other forms of technical assistance', attribution: 'a NATO official' },
        'The request comes days ahead of the NATO summit',
      ],
    },
    {
      slug: 'us-2004-nato-iraq-training',
      statusHistory: [
        {
          key: 'pressed',
          status: 'PENDING',
          date: '2004-06',
          dateNote: 'Reported on 23 June 2004, ahead of the summit of 28–29 June.',
          note: 'The United States was expected to press NATO at the Istanbul summit.',
          evidence: ['the US is expected to press for the Alliance to play a greater role'],
        },
      ],
      items: [
        {
          key: 'training',
          category: 'TRAINING',
          description: 'NATO help in training Iraqi security personnel and the new Iraqi army',
          evidence: [
            'help train Iraqi security personnel and the new army',
            'training Iraqi forces to ensure stability in the country',
          ],
        },
      ],
      responses: [
        {
          key: 'chirac-g8',
          responder: 'jacques-chirac',
          stance: 'NONCOMMITTAL',
          date: '2004-06',
          dateNote: 'At the G8 summit of 8–10 June 2004.',
          event: 'g8-summit-2004',
          summary:
            "French President Jacques Chirac appeared to leave open the possibility of NATO training Iraqi forces while affirming that intervention in Iraq was not NATO's job.",
          evidence: [
            { quote: "appeared to leave open that possibility, while affirming that intervention in Iraq was not NATO's job", attributedTo: 'jacques-chirac', hedged: true },
          ],
        },
      ],
      evidence: [
        'the US is expected to press for the Alliance to play a greater role',
        { quote: 'Bush recently suggested that the US-led alliance could help train Iraqi security personnel', attributedTo: 'george-w-bush' },
        { quote: 'Washington has underlined that training Iraqi forces to ensure stability in the country', attributedTo: 'united-states' },
        // An expectation Washington stated, not something its request explicitly excluded: context, not an item.
        { quote: 'Washington says it does not expect NATO to send troops to Iraq', attributedTo: 'united-states' },
      ],
    },
    {
      slug: 'us-troops-from-france-germany',
      responses: [
        { key: 'france-declines', answers: ['troops'], evidence: ['including France and Germany, have refused to send soldiers'] },
        { key: 'germany-declines', answers: ['troops'], evidence: ['including France and Germany, have refused to send soldiers'] },
      ],
    },
    {
      slug: 'us-2003-nato-help-turkey',
      summary:
        'In the run-up to the 2003 Iraq war the United States proposed that NATO help Turkey; a group of allies led by France and Germany opposed the plans.',
      channel: 'OTHER',
      date: '2003',
      dateNote: "'in the run-up to last year's Iraq war' (text of June 2004), i.e. early 2003.",
      statusHistory: [
        {
          key: 'blocked',
          status: 'UNDER_CONSIDERATION',
          date: '2003',
          dateNote: "'in the run-up to last year's Iraq war': early 2003.",
          note: 'Blocked in NATO by a group of allies led by France and Germany.',
          evidence: ['a group of countries led by France and Germany opposed US plans for NATO to help Turkey'],
        },
        {
          key: 'dpc-decision',
          status: 'ACCEPTED',
          date: '2003-02-16',
          dateNote: 'Public record: the Defence Planning Committee decision of 16 February 2003 (France is not a member of that committee).',
          note: "NATO's Defence Planning Committee agreed to plan defensive measures for Turkey; the deployments were authorised on 19 February 2003.",
          citations: [
            {
              title: 'Decision Sheet of the Defence Planning Committee: NATO Support to Turkey within the Framework of Article 4 of the North Atlantic Treaty',
              publisher: 'NATO (Press Release)', url: 'https://www.nato.int/docu/pr/2003/p030216e.htm', published: '2003-02-16',
            },
            {
              title: 'NATO to deploy defensive assistance to Turkey', publisher: 'NATO (News)',
              url: 'https://www.nato.int/cps/en/natohq/news_19930.htm', published: '2003-02-19',
              note: "'The decision follows the Defence Planning Committee's decision of 16 February …'",
            },
          ],
        },
      ],
      requesters: [{ actor: 'united-states' }],
      addressees: [{ actor: 'nato' }],
      items: [
        {
          key: 'help-for-turkey',
          category: 'OTHER',
          description: 'NATO help for Turkey ahead of the Iraq war',
          evidence: ['US plans for NATO to help Turkey'],
        },
      ],
      responses: [
        {
          key: 'france-opposes',
          answers: ['help-for-turkey'],
          responder: 'france',
          stance: 'DECLINES',
          date: '2003',
          summary: 'France led a group of countries opposing the US plans for NATO to help Turkey.',
          evidence: ['a group of countries led by France and Germany opposed US plans'],
        },
        {
          key: 'germany-opposes',
          answers: ['help-for-turkey'],
          responder: 'germany',
          stance: 'DECLINES',
          date: '2003',
          summary: 'Germany, with France, led a group of countries opposing the US plans for NATO to help Turkey.',
          evidence: ['a group of countries led by France and Germany opposed US plans'],
        },
        {
          key: 'dpc-agrees',
          responder: 'nato',
          stance: 'ACCEPTS',
          date: '2003-02-16',
          dateNote: 'Public record (not in the corpus).',
          answers: ['help-for-turkey'],
          summary:
            "NATO's Defence Planning Committee, in which France did not sit, agreed to plan defensive assistance to Turkey (AWACS " +
            'aircraft, missile defences, chemical and biological defences), deployed from 19 February 2003.',
          citations: [
            {
              title: 'Decision Sheet of the Defence Planning Committee: NATO Support to Turkey within the Framework of Article 4 of the North Atlantic Treaty',
              publisher: 'NATO (Press Release)', url: 'https://www.nato.int/docu/pr/2003/p030216e.htm', published: '2003-02-16',
            },
          ],
        },
      ],
      evidence: ['opposed US plans for NATO to help Turkey'],
    },
  ],
});
