import { defineAnnotations } from '../lib/annotation-types.ts';

// Fox News (Associated Press text), Thursday 24 June 2004: with Allawi's letter in hand, Bush will ask NATO
// at the Istanbul summit to help train Iraqi forces.
// NB: the body has non-breaking spaces (U+00A0) after "challenge", "minister,", "Iraq," and "(search)": quotes avoid them.
export default defineAnnotations({
  document: '002_747cff529a1d3125',

  actors: [
    {
      slug: 'iyad-allawi',
      name: 'Iyad Allawi',
      kind: 'PERSON',
      countryCode: 'IRQ',
      description: 'Iraqi politician; interim Prime Minister of Iraq from 2004 to 2005.',
      aliases: ['Allawi', 'Mr Allawi', 'Ayad Allawi', 'Iyad Allawi'],
      mentions: ["Iraq's new prime minister", "Iraq's interim prime minister", 'Iyad Allawi', "Allawi's request", 'spoke with Allawi'],
      roles: [
        {
          key: 'pm-2004',
          evidence: ["Iraq's interim prime minister", "Iraq's new prime minister"],
        },
      ],
    },
    {
      slug: 'george-w-bush',
      mentions: ['President Bush', "Bush's talks next week", 'The president will ask people', 'Bush, who spoke with Allawi'],
      roles: [{ key: 'us-president', evidence: ['President Bush'] }],
    },
    {
      slug: 'condoleezza-rice',
      name: 'Condoleezza Rice',
      kind: 'PERSON',
      countryCode: 'USA',
      description: 'US National Security Adviser (2001–2005), later Secretary of State (2005–2009).',
      aliases: ['Rice'],
      mentions: ['National Security Adviser Condoleezza Rice', { quote: 'Rice said', occurrence: 2 }, { quote: 'she said', occurrence: 1 }],
      roles: [
        {
          key: 'national-security-adviser',
          title: 'National Security Adviser',
          within: 'united-states',
          from: '2001-01',
          to: '2005-01',
          dateNote: 'Term of office from public record (January 2001 to January 2005).',
          evidence: ['National Security Adviser Condoleezza Rice'],
        },
      ],
    },
    {
      slug: 'jaap-de-hoop-scheffer',
      mentions: ['NATO Secretary-General Jaap de Hoop Scheffer'],
      roles: [{ key: 'nato-secretary-general', evidence: ['NATO Secretary-General Jaap de Hoop Scheffer'] }],
    },
    {
      slug: 'franco-frattini',
      name: 'Franco Frattini',
      kind: 'PERSON',
      countryCode: 'ITA',
      description: 'Italian politician; Foreign Minister of Italy (2002–2004 and 2008–2011).',
      aliases: ['Frattini'],
      mentions: ['Foreign Minister Franco Frattini'],
      roles: [
        {
          key: 'foreign-minister-2002',
          title: 'Foreign Minister',
          within: 'italy',
          from: '2002-11',
          to: '2004-11',
          dateNote: 'First term as foreign minister, from public record (November 2002 to November 2004).',
          evidence: ['In Rome, Foreign Minister Franco Frattini'],
        },
      ],
    },
    {
      slug: 'scott-mcclellan',
      name: 'Scott McClellan',
      kind: 'PERSON',
      countryCode: 'USA',
      description: 'White House Press Secretary (2003–2006).',
      aliases: ['McClellan'],
      mentions: ['White House spokesman Scott McClellan'],
      roles: [
        {
          key: 'white-house-spokesman',
          title: 'White House spokesman',
          within: 'united-states',
          from: '2003-07',
          to: '2006',
          dateNote: 'White House Press Secretary from July 2003 until 2006 (public record).',
          evidence: ['White House spokesman Scott McClellan'],
        },
      ],
    },
    {
      slug: 'john-negroponte',
      name: 'John Negroponte',
      kind: 'PERSON',
      countryCode: 'USA',
      description: 'US diplomat; the first US ambassador to post-occupation Iraq (2004–2005).',
      aliases: ['John D. Negroponte', 'Negroponte'],
      mentions: ['John D. Negroponte', 'the new U.S. ambassador to Iraq'],
      roles: [
        {
          key: 'ambassador-to-iraq',
          title: 'Ambassador to Iraq',
          within: 'united-states',
          from: '2004-06-23',
          to: '2005-03',
          dateNote:
            "From: sworn in 'on Wednesday' in a story of Thursday 24 June 2004, i.e. 23 June 2004. To: he left the post in March 2005 " +
            'to become the first Director of National Intelligence (public record; month precision).',
          evidence: ['At a swearing-in ceremony for the new U.S. ambassador to Iraq'],
        },
      ],
    },
    {
      slug: 'colin-powell',
      name: 'Colin Powell',
      kind: 'PERSON',
      countryCode: 'USA',
      description: 'US Secretary of State (2001–2005).',
      aliases: ['Powell'],
      mentions: ['Secretary of State Colin Powell', 'Powell said'],
      roles: [
        {
          key: 'secretary-of-state',
          title: 'Secretary of State',
          within: 'united-states',
          from: '2001-01-20',
          to: '2005-01-26',
          dateNote: 'Term of office from public record.',
          evidence: ['Secretary of State Colin Powell'],
        },
      ],
    },
    {
      slug: 'richard-boucher',
      name: 'Richard Boucher',
      kind: 'PERSON',
      countryCode: 'USA',
      description: 'US diplomat; State Department spokesman.',
      aliases: ['Boucher'],
      mentions: ['State Department spokesman Richard Boucher'],
      roles: [
        {
          key: 'state-department-spokesman',
          title: 'State Department spokesman',
          within: 'us-state-department',
          from: '2000',
          to: '2005',
          dateNote:
            'Public record: spokesman of the State Department (Assistant Secretary for Public Affairs) from 2000 to 2005, when Sean ' +
            'McCormack succeeded him; years only.',
          evidence: ['State Department spokesman Richard Boucher'],
        },
      ],
    },
    {
      slug: 'us-state-department',
      name: 'United States Department of State',
      kind: 'ORGANIZATION',
      countryCode: 'USA',
      description: 'Foreign ministry of the United States.',
      aliases: ['State Department', 'Department of State'],
      mentions: ['State Department'],
      relations: [
        { kind: 'PART_OF', to: 'united-states', evidence: ['State Department spokesman Richard Boucher'] },
      ],
    },
    {
      slug: 'us-congress',
      name: 'United States Congress',
      kind: 'ORGANIZATION',
      countryCode: 'USA',
      description: 'Legislature of the United States.',
      aliases: ['Congress'],
      mentions: ['members of Congress'],
      relations: [
        { kind: 'PART_OF', to: 'united-states', evidence: ['updated members of Congress about the situation in Iraq'] },
      ],
    },
    {
      slug: 'nato',
      mentions: [
        'NATO (search)',
        'the alliance might do more',
        '16 of the 26 NATO countries',
        'NATO heavyweights',
        // Every other occurrence of the alliance's name in the text is a mention too.
        { quote: 'NATO', occurrence: 1 },
        { quote: 'NATO', occurrence: 3 },
        { quote: 'NATO', occurrence: 4 },
        { quote: 'NATO', occurrence: 5 },
        { quote: 'NATO', occurrence: 6 },
      ],
    },
    {
      slug: 'us-led-coalition',
      name: 'US-led coalition in Iraq',
      kind: 'GROUP',
      description:
        'Multinational coalition of states led by the United States engaged in military operations, peacekeeping and fighting insurgents in Iraq after the 2003 invasion (Multi-National Force – Iraq from 2004).',
      aliases: ['U.S.-led coalition', 'US-led coalition', 'Multi-National Force – Iraq'],
      mentions: ['the 32-nation coalition', 'the U.S.-led coalition'],
    },
    {
      slug: 'united-states',
      mentions: ['the Bush administration', 'The administration, which is claiming a new spirit of cooperation'],
      relations: [
        {
          kind: 'MEMBER_OF', to: 'us-led-coalition', since: '2003-03',
          dateNote: 'It led the coalition from the invasion of March 2003 (public record); when its role ended is not recorded here.',
          evidence: ['the U.S.-led coalition'],
        },
      ],
    },
    {
      slug: 'iraq',
      mentions: ['fighting insurgents in Iraq', 'a new and free Iraq', 'the situation in Iraq'],
    },
    {
      slug: 'turkey',
      mentions: ['allied leaders in Turkey', 'Istanbul, Turkey'],
    },
    {
      slug: 'italy',
      mentions: ['including Italy', 'Italy strongly supports'],
    },
    {
      slug: 'france',
      mentions: ['France'],
    },
    {
      slug: 'germany',
      mentions: ['Germany'],
    },
    {
      slug: 'iraqi-security-forces',
      mentions: ['the Iraqi security forces', 'those Iraqi security forces', 'Iraqi security capabilities'],
    },
    {
      slug: 'iraqi-army',
      mentions: ['or the army'],
    },
  ],

  events: [
    {
      slug: 'allawi-letter-2004',
      participants: [
        { actor: 'iyad-allawi', role: 'SENDER', evidence: ['Iyad Allawi (search), wrote a one-page letter to allied governments'] },
      ],
      evidence: [
        "a help-wanted letter from Iraq's new prime minister",
        'wrote a one-page letter to allied governments',
      ],
    },
    {
      slug: 'istanbul-summit-2004',
      participants: [
        { actor: 'george-w-bush', role: 'ATTENDEE', evidence: ["Bush's talks next week with allied leaders in Turkey"] },
        { actor: 'turkey', role: 'HOST', evidence: ['the NATO summit next week in Istanbul, Turkey'] },
      ],
      evidence: ['the NATO summit next week in Istanbul, Turkey'],
    },
    {
      slug: 'transfer-of-sovereignty-2004',
      evidence: ['as the transfer of sovereignty nears'],
    },
    {
      slug: 'iraq-war-2003',
      evidence: ['European nations that opposed the war'],
    },
    {
      slug: 'rice-briefing-2004-06-24',
      kind: 'STATEMENT',
      status: 'OCCURRED',
      title: 'Condoleezza Rice briefs reporters on the NATO summit',
      summary:
        "National Security Adviser Condoleezza Rice briefed reporters on Bush's talks with allied leaders at the coming NATO " +
        'summit, saying the president would challenge NATO to help Iraq and that improving Iraqi security forces takes training.',
      start: '2004-06-24',
      dateNote: "'said Thursday' in a story about the summit 'next week in Istanbul' (28–29 June 2004): Thursday 24 June 2004.",
      participants: [
        { actor: 'condoleezza-rice', role: 'SPEAKER', evidence: ['National Security Adviser Condoleezza Rice said Thursday'] },
      ],
      evidence: ["Briefing reporters on Bush's talks next week with allied leaders in Turkey"],
    },
    {
      slug: 'bush-congress-meeting-2004-06-24',
      kind: 'MEETING',
      status: 'OCCURRED',
      title: 'Bush updates members of Congress on Iraq',
      summary: 'President Bush updated members of Congress about the situation in Iraq during an hour-long meeting at the White House.',
      start: '2004-06-24',
      dateNote: "'on Thursday' in a story of Thursday 24 June 2004.",
      location: { name: 'White House, Washington, D.C.', countryCode: 'USA' },
      participants: [
        { actor: 'george-w-bush', role: 'HOST', evidence: ['updated members of Congress about the situation in Iraq'] },
        { actor: 'us-congress', role: 'ATTENDEE', evidence: ['members of Congress'] },
      ],
      evidence: ['an hour-long meeting at the White House on Thursday'],
    },
    {
      slug: 'bush-allawi-call-2004',
      // Talks, by whatever means: the schema counts a call as a MEETING.
      kind: 'MEETING',
      status: 'OCCURRED',
      title: 'Bush speaks with Allawi',
      summary: 'President Bush spoke with Iraqi interim prime minister Iyad Allawi in the week before the Istanbul summit.',
      start: '2004-06',
      dateNote:
        "'this week' in a story of Thursday 24 June 2004, i.e. 21–24 June 2004 (another version of the same Associated Press story says Wednesday, 23 June).",
      participants: [
        { actor: 'george-w-bush', role: 'ATTENDEE', evidence: ['Bush, who spoke with Allawi this week'] },
        { actor: 'iyad-allawi', role: 'ATTENDEE', evidence: ['spoke with Allawi this week'] },
      ],
      evidence: ['Bush, who spoke with Allawi this week'],
    },
    {
      slug: 'negroponte-swearing-in-2004',
      kind: 'CEREMONY',
      status: 'OCCURRED',
      title: 'Swearing-in of John Negroponte as US ambassador to Iraq',
      summary:
        'At the swearing-in of John D. Negroponte as the new US ambassador to Iraq, Secretary of State Colin Powell implied that ' +
        'new partners might join the 32-nation coalition in Iraq.',
      start: '2004-06-23',
      dateNote: "'on Wednesday' in a story of Thursday 24 June 2004.",
      participants: [
        { actor: 'colin-powell', role: 'SPEAKER', evidence: ['Secretary of State Colin Powell implied anew on Wednesday'] },
        { actor: 'john-negroponte', role: 'SUBJECT', evidence: ['John D. Negroponte'] },
      ],
      evidence: ['At a swearing-in ceremony for the new U.S. ambassador to Iraq', 'I know that the Iraqi people will welcome new partners.'],
    },
    {
      slug: 'frattini-statement-2004',
      kind: 'STATEMENT',
      status: 'OCCURRED',
      title: 'Franco Frattini backs Allawi\'s request',
      summary:
        "In Rome, Italian Foreign Minister Franco Frattini said that Italy strongly supported Allawi's request and was ready to say " +
        'yes, and that many countries, including Italy, were available to train police and security forces.',
      start: '2004-06',
      dateNote: 'Reported in a story of Thursday 24 June 2004; the day is not stated.',
      location: { name: 'Rome', countryCode: 'ITA' },
      participants: [
        { actor: 'franco-frattini', role: 'SPEAKER', evidence: ['In Rome, Foreign Minister Franco Frattini said'] },
      ],
      evidence: ['In Rome, Foreign Minister Franco Frattini said'],
    },
    {
      slug: 'mcclellan-statement-2004',
      kind: 'STATEMENT',
      status: 'OCCURRED',
      title: 'Scott McClellan on NATO and training Iraqi forces',
      summary:
        'White House spokesman Scott McClellan said the focus was on equipping, training and beefing up the Iraqi security forces and that NATO could play a useful role in the training.',
      start: '2004-06',
      dateNote: 'Reported in a story of Thursday 24 June 2004; the day is not stated.',
      participants: [
        { actor: 'scott-mcclellan', role: 'SPEAKER', evidence: ['said White House spokesman Scott McClellan'] },
      ],
      evidence: ['we need to equip and train and beef up the Iraqi security forces'],
    },
  ],

  requests: [
    {
      slug: 'allawi-2004-nato-assistance',
      items: [
        { key: 'training', evidence: ['asking for training'] },
        {
          key: 'other-assistance',
          category: 'OTHER',
          description: 'Other, unspecified assistance',
          evidence: ['and other assistance'],
        },
        {
          key: 'troops-excluded',
          category: 'TROOPS',
          description: 'Troops (explicitly not requested)',
          excluded: true,
          evidence: ['but not troops'],
        },
      ],
      responses: [
        {
          key: 'never-slam-the-door',
          responder: 'jaap-de-hoop-scheffer',
          stance: 'SUPPORTS',
          date: '2004-06-24',
          dateNote: "'on Thursday' in a story of Thursday 24 June 2004.",
          summary:
            "NATO Secretary-General Jaap de Hoop Scheffer was drafting NATO's response and, in a possible sign of agreement, said " +
            "NATO should never slam the door in the Iraqi prime minister's face.",
          evidence: [
            'was drafting a response',
            { quote: "in a possible sign of agreement, he said: \"NATO should never slam the door in this prime minister's face.\"", attributedTo: 'jaap-de-hoop-scheffer', hedged: true },
          ],
        },
        {
          key: 'italy-supports',
          responder: 'italy',
          stance: 'SUPPORTS',
          date: '2004-06',
          dateNote: 'Reported in a story of Thursday 24 June 2004.',
          event: 'frattini-statement-2004',
          answers: ['training'],
          summary:
            "Italian Foreign Minister Franco Frattini said Italy strongly supported Allawi's request and was ready to say yes, and that many countries, including Italy, were available to train police and security forces.",
          evidence: [
            { quote: "Italy strongly supports Allawi's request and is ready to say yes", attributedTo: 'franco-frattini' },
            { quote: 'many countries, including Italy, were available to train police and security forces', attributedTo: 'franco-frattini' },
          ],
        },
      ],
      evidence: [
        "a help-wanted letter from Iraq's new prime minister",
        'asking for training and technical and other assistance, but not troops',
        "Allawi's request",
      ],
    },
    {
      slug: 'us-2004-nato-iraq-training',
      summary:
        "The United States, through President George W. Bush, pressed NATO to help train Iraq's security forces and otherwise " +
        'help quell violence in Iraq, seeking a formal offer of assistance at the June 2004 Istanbul summit, without asking NATO for troops.',
      // Not made at the Istanbul summit: Bush had 'recently suggested' it before the summit (AFP, 23 June
      // 2004), and the summit is where he was to press it. How it was first made is not stated.
      channel: 'OTHER',
      date: '2004-06',
      dateNote:
        "Reported in June 2004 ('recently suggested', 23 June; 'will challenge NATO' at the summit 'next week', 24 June); " +
        'when it was first made is not stated.',
      requesters: [
        { actor: 'george-w-bush', onBehalfOf: 'united-states' },
        { actor: 'united-states' },
      ],
      addressees: [{ actor: 'nato' }],
      items: [
        {
          key: 'training',
          evidence: [
            'NATO could play a useful role in helping with the training of those Iraqi security forces',
            '"That takes training,"',
          ],
        },
        {
          key: 'quell-violence',
          category: 'OTHER',
          description: 'Assistance to help quell increasing violence in Iraq',
          evidence: ['to provide assistance to help quell increasing violence'],
        },
      ],
      evidence: [
        'Bush Asks NATO for Help in Iraq',
        'President Bush will challenge',
        'The president will ask people to consider this historic opportunity',
        'is hoping allied leaders will formally offer assistance at the NATO summit',
        'now is urging its allies to help in other ways',
      ],
    },
    {
      slug: 'us-troops-from-france-germany',
      summary:
        'The Bush administration initially sought more troops for Iraq from the NATO heavyweights France and Germany; both emphatically declined to send soldiers.',
      channel: 'OTHER',
      dateNote: "Not dated: 'Initially', i.e. before the United States turned in June 2004 to asking allies to help in other ways.",
      statusHistory: [
        {
          key: 'declined',
          status: 'DECLINED',
          dateNote: 'Not dated in the text: by June 2004.',
          note: 'France and Germany emphatically declined to send soldiers.',
          evidence: ['Both have emphatically declined to send soldiers.'],
        },
      ],
      requesters: [{ actor: 'united-states' }],
      addressees: [{ actor: 'france' }, { actor: 'germany' }],
      items: [
        {
          key: 'troops',
          category: 'TROOPS',
          description: 'More troops for Iraq',
          evidence: ['seeking more troops from NATO heavyweights like France and Germany'],
        },
      ],
      responses: [
        {
          key: 'france-declines',
          answers: ['troops'],
          responder: 'france',
          stance: 'DECLINES',
          summary: 'France emphatically declined to send soldiers to Iraq.',
          evidence: ['Both have emphatically declined to send soldiers.'],
        },
        {
          key: 'germany-declines',
          answers: ['troops'],
          responder: 'germany',
          stance: 'DECLINES',
          summary: 'Germany emphatically declined to send soldiers to Iraq.',
          evidence: ['Both have emphatically declined to send soldiers.'],
        },
      ],
      evidence: ['Initially, the Bush administration was seeking more troops'],
    },
  ],
});
