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
            'he was succeeded by Ibrahim al-Jaafari, whose government took office in May 2005 (public record).',
          evidence: ['The Iraqi prime minister', 'his interim government was unveiled on June 1'],
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
          from: '2004-01',
          to: '2009-07',
          dateNote: 'Public record: he took office on 1 January 2004 and was succeeded by Anders Fogh Rasmussen on 1 August 2009.',
          evidence: ['NATO Secretary General Jaap de Hoop Scheffer', 'The NATO chief'],
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
        "Date of receipt: 'The letter was received Monday' in an AFP story of Wednesday 23 June 2004, the week before the " +
        '28–29 June summit. The date of writing is not stated; NATO\'s own news release of 22 June 2004 dates the letter 22 June.',
      participants: [
        { actor: 'iyad-allawi', role: 'SENDER', evidence: ['Mr Allawi has ... sent a letter to the alliance'] },
        { actor: 'nato', role: 'RECIPIENT', evidence: ['sent a letter to the alliance'] },
        {
          actor: 'jaap-de-hoop-scheffer',
          role: 'RECIPIENT',
          evidence: ['has been transmitted to NATO member states for consideration by NATO Secretary General Jaap de Hoop Scheffer'],
        },
      ],
      evidence: ['The letter was received Monday', 'sent a letter to the alliance asking for NATO assistance'],
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
      status: 'OCCURRED',
      title: 'NATO Istanbul Summit (2004)',
      summary:
        'Summit of NATO heads of state and government at which Iraq dominated discussion; the United States pressed for a greater ' +
        "alliance role and allies agreed to help train Iraq's security forces.",
      start: '2004-06-28',
      end: '2004-06-29',
      dateNote:
        "Both 2004 texts present it as upcoming ('next Monday and Tuesday', 'next week in Istanbul'); it was held on 28–29 June 2004 (public record).",
      location: { name: 'Istanbul', countryCode: 'TUR' },
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
      status: 'OCCURRED',
      title: 'Transfer of sovereignty to the Iraqi Interim Government',
      summary:
        'Formal handover of governing authority in Iraq from the US-led occupation to the Iraqi Interim Government, which the June 2004 texts report as imminent.',
      start: '2004-06-28',
      dateNote:
        "The texts say 'days before power is transferred in Iraq' and 'as the transfer of sovereignty nears'; it took place on " +
        '28 June 2004, two days ahead of the scheduled 30 June (public record).',
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
      dateNote:
        "'in the run-up to last year's Iraq war' (text of 2004); the dispute came to a head in February 2003 (public record).",
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
      status: 'FULFILLED',
      date: '2004-06',
      dateNote:
        "NATO received the letter on Monday 21 June 2004 ('received Monday' in the AFP story of 23 June 2004); NATO's own news release dates it 22 June 2004.",
      madeAt: 'allawi-letter-2004',
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
          evidence: ['in the form of training'],
        },
        {
          key: 'technical-assistance',
          category: 'TECHNICAL_ASSISTANCE',
          description: 'Technical assistance',
          evidence: ['other forms of technical assistance'],
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
          evidence: ['has been transmitted to NATO member states for consideration'],
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
            'certainly allies are considering the request and discussing it',
            'The official declined to predict what the response will be',
            'I would guess it would go in the direction of armed forces',
            'NATO is not really in the police business',
          ],
        },
      ],
      evidence: [
        'The request came ahead of a summit',
        'asking for NATO assistance, in the form of training and other forms of technical assistance',
        'The request comes days ahead of the NATO summit',
      ],
    },
    {
      slug: 'us-2004-nato-iraq-training',
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
        {
          key: 'troops-excluded',
          category: 'TROOPS',
          description: 'NATO troops for Iraq (the United States said it did not expect them)',
          excluded: true,
          evidence: ['Washington says it does not expect NATO to send troops to Iraq'],
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
          evidence: ["appeared to leave open that possibility, while affirming that intervention in Iraq was not NATO's job"],
        },
      ],
      evidence: [
        'the US is expected to press for the Alliance to play a greater role',
        'Bush recently suggested that the US-led alliance could help train Iraqi security personnel',
        'Washington has underlined that training Iraqi forces to ensure stability in the country',
      ],
    },
    {
      slug: 'us-troops-from-france-germany',
      responses: [
        { key: 'france-declines', evidence: ['including France and Germany, have refused to send soldiers'] },
        { key: 'germany-declines', evidence: ['including France and Germany, have refused to send soldiers'] },
      ],
    },
    {
      slug: 'us-2003-nato-help-turkey',
      summary:
        'In the run-up to the 2003 Iraq war the United States proposed that NATO help Turkey; a group of allies led by France and Germany opposed the plans.',
      channel: 'OTHER',
      status: 'UNKNOWN',
      date: '2003',
      dateNote: "'in the run-up to last year's Iraq war' (text of June 2004), i.e. early 2003.",
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
          responder: 'france',
          stance: 'DECLINES',
          date: '2003',
          summary: 'France led a group of countries opposing the US plans for NATO to help Turkey.',
          evidence: ['a group of countries led by France and Germany opposed US plans'],
        },
        {
          key: 'germany-opposes',
          responder: 'germany',
          stance: 'DECLINES',
          date: '2003',
          summary: 'Germany, with France, led a group of countries opposing the US plans for NATO to help Turkey.',
          evidence: ['a group of countries led by France and Germany opposed US plans'],
        },
      ],
      evidence: ['opposed US plans for NATO to help Turkey'],
    },
  ],
});
