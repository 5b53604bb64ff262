import { defineAnnotations } from '../lib/annotation-types.ts';

// RFE/RL, April 2008: Nuri al-Maliki asks the North Atlantic Council for more NATO training and equipment.
export default defineAnnotations({
  document: '001_406679a407a0dddd',

  // Not actors of this story: Russia, Ukraine and RFE/RL appear only in the publisher's legal notice appended
  // to the page years later ('RFE/RL has been declared an "undesirable organization"…'), and AFP only in a
  // photo credit.
  actors: [
    {
      slug: 'nuri-al-maliki',
      name: 'Nuri al-Maliki',
      kind: 'PERSON',
      countryCode: 'IRQ',
      description: 'Iraqi politician; Prime Minister of Iraq from 2006 to 2014.',
      aliases: ['al-Maliki', 'Nouri al-Maliki', 'Maliki'],
      mentions: [
        'Iraqi Prime Minister Nuri al-Maliki',
        'Prime Minister al-Maliki at NATO headquarters',
        'Prime Minister al-Maliki emerged',
        'the Iraqi leader',
        { quote: 'al-Maliki said', occurrence: 1 },
      ],
      roles: [
        {
          key: 'pm-2006',
          title: 'Prime Minister',
          within: 'iraq',
          from: '2006-05-20',
          to: '2014-09-07',
          dateNote:
            'Public record: in office from 20 May 2006 until Haider al-Abadi took office on 8 September 2014; his last day is ' +
            'recorded as 7 September so that the hand-over does not overlap.',
          evidence: ['Iraqi Prime Minister Nuri al-Maliki'],
          citations: [
            {
              title: 'List of prime ministers of Iraq', publisher: 'Wikipedia',
              url: 'https://en.wikipedia.org/wiki/List_of_prime_ministers_of_Iraq',
              note: 'Nouri al-Maliki: 20 May 2006 – 8 September 2014; Haider al-Abadi from 8 September 2014.',
            },
          ],
        },
      ],
    },
    {
      slug: 'jaap-de-hoop-scheffer',
      mentions: [
        'NATO Secretary-General Jaap de Hoop Scheffer',
        'Secretary-General de Hoop Scheffer did not elucidate',
        'The NATO chief also noted',
        { quote: 'De Hoop Scheffer said', occurrence: 1 },
      ],
      roles: [
        {
          key: 'nato-secretary-general',
          evidence: ['NATO Secretary-General Jaap de Hoop Scheffer'],
        },
      ],
    },
    {
      slug: 'nato',
      mentions: [
        'NATO: Iraq Asks Alliance For Greater Assistance',
        "talks with NATO's leadership",
        "NATO's low-key involvement in Iraq",
        'all the NATO allies',
        // Every other occurrence of the alliance's name in the text is a mention too.
        { quote: 'NATO', occurrence: 2 },
        { quote: 'NATO', occurrence: 3 },
        { quote: 'NATO', occurrence: 5 },
        { quote: 'NATO', occurrence: 6 },
        { quote: 'NATO', occurrence: 7 },
        { quote: 'NATO', occurrence: 8 },
        { quote: 'NATO', occurrence: 10 },
        { quote: 'NATO', occurrence: 11 },
        { quote: 'NATO', occurrence: 12 },
        { quote: 'NATO', occurrence: 14 },
        { quote: 'NATO', occurrence: 15 },
        { quote: 'NATO', occurrence: 16 },
        { quote: 'NATO', occurrence: 17 },
        { quote: 'NATO', occurrence: 18 },
        { quote: 'alliance', occurrence: 1 },
        { quote: 'alliance', occurrence: 2 },
        { quote: 'alliance', occurrence: 3 },
        { quote: 'alliance', occurrence: 4 },
        { quote: 'alliance', occurrence: 5 },
        { quote: 'alliance', occurrence: 6 },
      ],
    },
    {
      slug: 'north-atlantic-council',
      name: 'North Atlantic Council',
      kind: 'ORGANIZATION',
      description: "NATO's principal political decision-making body, made up of the allies' permanent representatives (ambassadors).",
      aliases: ['NAC'],
      mentions: ['North Atlantic Council', 'NATO ambassadors'],
      relations: [
        {
          kind: 'PART_OF',
          to: 'nato',
          evidence: ['a meeting with NATO ambassadors in Brussels'],
        },
      ],
    },
    {
      slug: 'government-of-iraq',
      name: 'Government of Iraq',
      kind: 'ORGANIZATION',
      countryCode: 'IRQ',
      description: 'The government of the Republic of Iraq.',
      mentions: ["his government's ambitions"],
    },
    {
      slug: 'iraq',
      mentions: ["Iraq's stability and prosperity", 'a stable, secure, and prosperous Iraq', "Iraq's requests"],
    },
    {
      slug: 'iraqi-army',
      name: 'Iraqi Army',
      kind: 'ORGANIZATION',
      countryCode: 'IRQ',
      description: 'Land force of Iraq.',
      mentions: ["Iraq's fledgling army", 'Iraqi Army', 'the Iraqi army'],
    },
    {
      slug: 'us-led-coalition',
      mentions: ['the U.S.-led coalition forces in Iraq', 'U.S. or other coalition troops'],
    },
    {
      slug: 'united-states',
      mentions: ['the U.S. decision to invade Iraq'],
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
      slug: 'italy',
      mentions: ['a recent Italian contribution of police trainers'],
    },
  ],

  events: [
    {
      slug: 'maliki-brussels-visit-2008',
      kind: 'VISIT',
      status: 'OCCURRED',
      title: "Nuri al-Maliki's trip to Brussels (2008)",
      summary:
        'Iraqi Prime Minister Nuri al-Maliki visited Brussels, using the first day of the trip to lay groundwork for enhanced ' +
        "trade and cooperation and then holding security talks with NATO's leadership.",
      start: '2008-04',
      dateNote:
        'The trip included the meeting with NATO ambassadors on 17 April 2008, which followed its first day; the exact first and last days are not stated.',
      location: { name: 'Brussels', countryCode: 'BEL' },
      participants: [
        { actor: 'nuri-al-maliki', role: 'ATTENDEE', evidence: ['his historic trip to Brussels'] },
        { actor: 'nato', role: 'HOST', evidence: ["talks with NATO's leadership"] },
      ],
      evidence: [
        'After using the first day of his historic trip to Brussels to lay groundwork for enhanced trade and cooperation',
      ],
    },
    {
      slug: 'maliki-nac-meeting-2008-04-17',
      kind: 'MEETING',
      status: 'OCCURRED',
      title: 'Nuri al-Maliki meets NATO ambassadors (North Atlantic Council)',
      summary:
        'At NATO headquarters al-Maliki asked the North Atlantic Council for more training and equipment for Iraqi forces, not ' +
        'extra troops; Secretary-General de Hoop Scheffer said the alliance would consider the request.',
      start: '2008-04-17',
      dateNote: "Day from the text ('on April 17'); year 2008 from the Bucharest summit of 2–4 April 2008 (public record).",
      location: { name: 'NATO Headquarters, Brussels', countryCode: 'BEL' },
      participants: [
        {
          actor: 'nuri-al-maliki',
          role: 'ATTENDEE',
          evidence: ['Prime Minister al-Maliki emerged from a meeting with NATO ambassadors in Brussels on April 17'],
        },
        { actor: 'nuri-al-maliki', role: 'SPEAKER', evidence: ['We came here to ask for more training and more equipment.'] },
        { actor: 'north-atlantic-council', role: 'HOST', evidence: ['a meeting with NATO ambassadors in Brussels on April 17'] },
        { actor: 'jaap-de-hoop-scheffer', role: 'ATTENDEE', evidence: ['around the [North Atlantic Council] table this morning'] },
      ],
      evidence: [
        'Prime Minister al-Maliki at NATO headquarters in Brussels',
        'a meeting with NATO ambassadors in Brussels on April 17',
      ],
    },
    {
      slug: 'bucharest-summit-2008',
      kind: 'SUMMIT',
      status: 'OCCURRED',
      title: 'NATO Bucharest Summit (2008)',
      summary:
        "NATO leaders agreed to develop a 'structured cooperation framework' for Iraq and extended the remit of the NATO training mission in Iraq until the end of 2009.",
      start: '2008-04-02',
      end: '2008-04-04',
      dateNote: "Days from the text ('on April 2-4'); year 2008 from public record.",
      location: { name: 'Bucharest', countryCode: 'ROU' },
      participants: [
        { actor: 'nato', role: 'HOST', evidence: ['NATO leaders agreed at their Bucharest summit'] },
        { actor: 'iraq', role: 'SUBJECT', evidence: ['develop a "structured cooperation framework" for Iraq'] },
      ],
      evidence: [
        'NATO leaders agreed at their Bucharest summit on April 2-4 to develop a "structured cooperation framework" for Iraq',
        'the summit had extended the remit of the NATO training mission in Iraq until the end of 2009',
      ],
    },
    {
      slug: 'nato-delegation-baghdad-visit-2008',
      kind: 'VISIT',
      status: 'PLANNED',
      title: 'NATO delegation visit to Baghdad (planned, 2008)',
      summary: 'A NATO delegation was to visit Baghdad soon to discuss Iraqi proposals for a new cooperation treaty between NATO and Iraq.',
      start: '2008',
      dateNote: "'will soon visit Baghdad', said on 17 April 2008; no date given.",
      location: { name: 'Baghdad', countryCode: 'IRQ' },
      participants: [{ actor: 'nato', role: 'ATTENDEE', evidence: ['a NATO delegation will soon visit Baghdad'] }],
      evidence: ['a NATO delegation will soon visit Baghdad to discuss Iraqi proposals for a new cooperation treaty'],
    },
    {
      slug: 'nato-training-mission-iraq',
      participants: [
        { actor: 'italy', role: 'ATTENDEE', evidence: ['a recent Italian contribution of police trainers'] },
      ],
      evidence: [
        'NATO is currently running a relatively modest training program for Iraqi Army and police officers',
        'the remit of the NATO training mission in Iraq until the end of 2009',
        "the alliance's commitment to continue expanding it",
      ],
    },
    {
      slug: 'allied-equipment-donations-iraq',
      kind: 'OTHER',
      status: 'OCCURRED',
      title: 'Individual NATO allies donate weapons and equipment to Iraq',
      summary:
        'Individual NATO countries donated weapons and other equipment to Iraq, alongside the NATO training mission; from 2004 NATO ' +
        'helped coordinate such bilateral offers of equipment and training.',
      start: '2004',
      dateNote:
        "Not dated in the 2008 text ('have also donated'). The 2005 NATO text already reports donations of equipment coordinated " +
        'by NATO (its coordination group was set up on 8 October 2004), so the year 2004 is the earliest the texts support; ' +
        'ongoing in April 2008, end unknown.',
      location: { name: 'Iraq', countryCode: 'IRQ' },
      participants: [{ actor: 'iraq', role: 'RECIPIENT', evidence: ["donate more equipment to Iraq's fledgling army"] }],
      evidence: ['Individual NATO countries have also donated weapons and other equipment.'],
    },
    {
      slug: 'iraq-war-2003',
      kind: 'CONFLICT',
      status: 'OCCURRED',
      title: 'Iraq War (2003 invasion of Iraq)',
      summary:
        'The US-led invasion of Iraq in 2003 and the ensuing war, opposed by France, Germany and other NATO allies.',
      start: '2003-03',
      end: '2011-12',
      dateNote:
        "Year from the texts ('invade Iraq in 2003'; 'last year's Iraq war' in 2004); the invasion began on 20 March 2003 and the " +
        'last US forces left Iraq in December 2011 (public record).',
      location: { name: 'Iraq', countryCode: 'IRQ' },
      participants: [
        { actor: 'united-states', role: 'ATTENDEE', evidence: ['the U.S. decision to invade Iraq in 2003'] },
        { actor: 'iraq', role: 'SUBJECT', evidence: ['invade Iraq in 2003'] },
      ],
      evidence: ['France and Germany, among others, opposed the U.S. decision to invade Iraq in 2003'],
    },
    {
      slug: 'basra-baghdad-confrontations-2008',
      kind: 'CONFLICT',
      status: 'OCCURRED',
      title: 'Iraqi army operations in Al-Basrah and Baghdad (2008)',
      summary:
        "The 'crucial confrontations' of Iraqi forces in Al-Basrah, Baghdad and elsewhere, in which al-Maliki said NATO assistance had been 'a major factor'.",
      start: '2008-03',
      dateNote:
        "'recent' in April 2008; the Basra operation began on 25 March 2008 and fighting in Baghdad followed in March–May 2008 (public record).",
      location: { name: 'Al-Basrah and Baghdad', countryCode: 'IRQ' },
      participants: [
        { actor: 'iraqi-army', role: 'ATTENDEE', evidence: ['shaping the actions of the Iraqi army'] },
      ],
      evidence: ['the recent "crucial confrontations" in Al-Basrah, Baghdad, and elsewhere'],
    },
  ],

  requests: [
    {
      slug: 'maliki-2008-nato-training-equipment',
      summary:
        "Iraqi Prime Minister Nuri al-Maliki asked NATO to expand its training effort in Iraq and donate more equipment to Iraq's " +
        'army, and proposed a new cooperation treaty, while saying Iraq was not asking for extra troops.',
      channel: 'MEETING',
      date: '2008-04-17',
      statusHistory: [
        {
          key: 'will-consider',
          status: 'UNDER_CONSIDERATION',
          date: '2008-04-17',
          note: "NATO's Secretary General said the alliance would consider the request.",
          evidence: [{ quote: 'said the alliance will consider the request', attributedTo: 'jaap-de-hoop-scheffer' }],
        },
      ],
      dateNote: "Made at the meeting with NATO ambassadors 'on April 17' (year 2008 from public record).",
      madeAt: 'maliki-nac-meeting-2008-04-17',
      requesters: [
        { actor: 'nuri-al-maliki', onBehalfOf: 'government-of-iraq' },
        { actor: 'government-of-iraq' },
      ],
      addressees: [{ actor: 'nato' }],
      items: [
        {
          key: 'training',
          category: 'TRAINING',
          description: "Expansion of NATO's training effort in Iraq",
          evidence: ["expand the alliance's training effort in his country", 'ask for more training'],
        },
        {
          key: 'equipment',
          category: 'EQUIPMENT',
          description: "More equipment for Iraq's army",
          evidence: ["donate more equipment to Iraq's fledgling army", 'more training and more equipment'],
        },
        {
          key: 'cooperation-treaty',
          category: 'OTHER',
          description: 'A new cooperation treaty between NATO and Iraq (Iraqi proposals)',
          evidence: ['Iraqi proposals for a new cooperation treaty between the two sides'],
        },
        {
          key: 'more-effort-and-speed',
          category: 'OTHER',
          description: "More effort and speed in NATO's assistance",
          evidence: [{ quote: 'there should be more effort [and] more speed', attributedTo: 'nuri-al-maliki' }],
        },
        {
          key: 'troops-excluded',
          category: 'TROOPS',
          description: 'Extra troops to replace Iraqi troops (explicitly not requested)',
          excluded: true,
          evidence: [{ quote: 'We did not come here to request extra troops', attributedTo: 'nuri-al-maliki' }],
        },
      ],
      responses: [
        {
          key: 'will-consider',
          responder: 'jaap-de-hoop-scheffer',
          stance: 'CONSIDERING',
          date: '2008-04-17',
          event: 'maliki-nac-meeting-2008-04-17',
          summary:
            'NATO Secretary-General Jaap de Hoop Scheffer said the alliance would consider the request, without elucidating on its possible response.',
          evidence: [
            { quote: 'said the alliance will consider the request', attributedTo: 'jaap-de-hoop-scheffer' },
            "did not elucidate on the alliance's possible response to the Iraqi requests",
          ],
        },
        {
          key: 'not-replace-coalition',
          responder: 'jaap-de-hoop-scheffer',
          stance: 'CONDITIONS',
          date: '2008-04-17',
          event: 'maliki-nac-meeting-2008-04-17',
          summary:
            "De Hoop Scheffer said NATO would not replace US or other coalition troops in Iraq but would provide assistance within its 'toolbox' of experience and resources, according to Iraq's requests and what is feasible within the alliance.",
          evidence: [
            { quote: 'NATO will not "replace" the U.S.-led coalition forces in Iraq', attributedTo: 'jaap-de-hoop-scheffer' },
            { quote: 'will provide assistance within the confines of its "toolbox" of experience and resources', attributedTo: 'jaap-de-hoop-scheffer' },
            { quote: '"what is feasible within the alliance."', attributedTo: 'jaap-de-hoop-scheffer' },
          ],
        },
        {
          key: 'delegation-to-baghdad',
          responder: 'jaap-de-hoop-scheffer',
          stance: 'CONSIDERING',
          date: '2008-04-17',
          event: 'maliki-nac-meeting-2008-04-17',
          summary: 'De Hoop Scheffer said a NATO delegation would soon visit Baghdad to discuss the Iraqi proposals for a new cooperation treaty.',
          answers: ['cooperation-treaty'],
          evidence: [{ quote: 'a NATO delegation will soon visit Baghdad to discuss Iraqi proposals', attributedTo: 'jaap-de-hoop-scheffer' }],
        },
      ],
      evidence: [
        'NATO: Iraq Asks Alliance For Greater Assistance',
        "has urged NATO countries to expand the alliance's training effort",
        { quote: 'We came here to ask for more training and more equipment.', attributedTo: 'nuri-al-maliki' },
        'the Iraqi requests',
      ],
    },
  ],
});
