import { defineAnnotations } from '../lib/annotation-types.ts';

// Millennium Post (Reuters report), February 2018: Jim Mattis's January 2018 letter asking NATO for a
// train-and-advise mission in Iraq.
export default defineAnnotations({
  document: '003_c24ebd90a8b61ee5',

  actors: [
    {
      slug: 'jim-mattis',
      name: 'Jim Mattis',
      kind: 'PERSON',
      countryCode: 'USA',
      description: 'Retired US Marine Corps general; US Secretary of Defense from 2017 to 2019.',
      aliases: ['Mattis', 'James Mattis'],
      mentions: ['US Secretary of Defense Jim Mattis', 'In his letter, Mattis', 'whether Mattis had sent a letter'],
      roles: [
        {
          key: 'secretary-of-defense',
          title: 'Secretary of Defense',
          within: 'united-states',
          from: '2017-01-20',
          to: '2018-12-31',
          dateNote: 'Public record: from 20 January 2017; his resignation took effect on 1 January 2019, so his last day was 31 December 2018.',
          evidence: ['US Secretary of Defense Jim Mattis'],
        },
      ],
    },
    {
      slug: 'johnny-michael',
      name: 'Johnny Michael',
      kind: 'PERSON',
      countryCode: 'USA',
      description: 'Spokesman of the US Department of Defense.',
      mentions: ['Pentagon spokesman Johnny Michael'],
      roles: [
        {
          key: 'pentagon-spokesman',
          title: 'Pentagon spokesman',
          within: 'pentagon',
          from: '2018-02',
          to: '2018-02',
          dateNote:
            'Term not known: these dates are only when the texts attest the role (a report of February 2018), not when it began ' +
            'or ended, so that date filters do not place him in office in other years.',
          evidence: ['Pentagon spokesman Johnny Michael'],
        },
      ],
    },
    {
      slug: 'jens-stoltenberg',
      name: 'Jens Stoltenberg',
      kind: 'PERSON',
      countryCode: 'NOR',
      description: 'Norwegian politician; Secretary General of NATO from 2014 to 2024.',
      aliases: ['Stoltenberg'],
      mentions: ['NATO Secretary-General Jens Stoltenberg'],
      roles: [
        {
          key: 'nato-secretary-general',
          title: 'Secretary General',
          within: 'nato',
          from: '2014-10-01',
          to: '2024-09-30',
          dateNote: 'Public record: took office on 1 October 2014; Mark Rutte succeeded him on 1 October 2024, so his last day was 30 September 2024.',
          evidence: ['NATO Secretary-General Jens Stoltenberg'],
          citations: [
            {
              title: 'List of NATO Secretaries General', publisher: 'Wikipedia',
              url: 'https://en.wikipedia.org/wiki/List_of_NATO_Secretaries_General',
              note: 'Jens Stoltenberg took office on 1 October 2014 and was succeeded by Mark Rutte on 1 October 2024.',
            },
          ],
        },
      ],
    },
    {
      slug: 'haider-al-abadi',
      name: 'Haider al-Abadi',
      kind: 'PERSON',
      countryCode: 'IRQ',
      description: 'Iraqi politician; Prime Minister of Iraq from 2014 to 2018.',
      aliases: ['al-Abadi', 'Abadi', 'Haidar al-Abadi'],
      mentions: ['Prime Minister Haider al-Abadi'],
      roles: [
        {
          key: 'pm-2014',
          title: 'Prime Minister',
          within: 'iraq',
          from: '2014-09-08',
          to: '2018-10-24',
          dateNote:
            'Public record: took office on 8 September 2014; Adil Abdul-Mahdi took office on 25 October 2018, so his last day is ' +
            'recorded as 24 October 2018.',
          evidence: ['Prime Minister Haider al-Abadi'],
          citations: [
            {
              title: 'List of prime ministers of Iraq', publisher: 'Wikipedia',
              url: 'https://en.wikipedia.org/wiki/List_of_prime_ministers_of_Iraq',
              note: 'Haider al-Abadi: 8 September 2014 – 25 October 2018.',
            },
          ],
        },
      ],
    },
    {
      slug: 'pentagon',
      name: 'United States Department of Defense',
      kind: 'ORGANIZATION',
      countryCode: 'USA',
      description: 'Defence ministry of the United States, known by its headquarters, the Pentagon.',
      aliases: ['Pentagon', 'Department of Defense'],
      mentions: ['Pentagon'],
      relations: [{ kind: 'PART_OF', to: 'united-states', evidence: ['US Secretary of Defense'] }],
    },
    {
      slug: 'islamic-state',
      name: 'Islamic State',
      kind: 'GROUP',
      description: 'Jihadist militant group that held territory in Iraq and Syria and fought a war in Iraq from 2014 to 2017.',
      aliases: ['ISIS', 'ISIL', 'Daesh'],
      mentions: ['Islamic State', 'the militants do not re-emerge'],
    },
    {
      slug: 'iraqi-defence-ministry',
      name: 'Iraqi Ministry of Defence',
      kind: 'ORGANIZATION',
      countryCode: 'IRQ',
      description: 'Defence ministry of Iraq.',
      aliases: ['Iraqi defence ministry'],
      mentions: ['the Iraqi defence ministry'],
      relations: [{ kind: 'PART_OF', to: 'government-of-iraq', evidence: ['the Iraqi defence ministry'] }],
    },
    {
      slug: 'nato',
      mentions: [
        'its European NATO allies',
        'NATO headquarters',
        'NATO defence ministers',
        'the alliance is "looking into how we can step-up our training efforts"',
        // Every other occurrence of the alliance's name in the text is a mention too.
        { quote: 'NATO', occurrence: 1 },
        { quote: 'NATO', occurrence: 4 },
        { quote: 'NATO', occurrence: 5 },
        { quote: 'NATO', occurrence: 6 },
        { quote: 'NATO', occurrence: 8 },
        { quote: 'NATO', occurrence: 9 },
        { quote: 'NATO', occurrence: 10 },
        { quote: 'NATO', occurrence: 11 },
        { quote: 'NATO', occurrence: 12 },
        { quote: 'NATO', occurrence: 13 },
        { quote: 'NATO', occurrence: 14 },
        { quote: 'alliance', occurrence: 1 },
      ],
    },
    {
      slug: 'united-states',
      mentions: [
        'The United States is renewing pressure',
        'Washington wants to ensure',
        'The United States is pushing hard',
      ],
    },
    {
      slug: 'iraq',
      mentions: ['a formal NATO mission to Iraq', 'a NATO role in Iraq', 'NATO does have trainers in Iraq already'],
    },
    {
      slug: 'afghanistan',
      mentions: ['a decade in Afghanistan', 'another Afghanistan', 'Afghan forces'],
    },
    {
      slug: 'iraqi-security-forces',
      mentions: ['Iraqi forces'],
    },
  ],

  events: [
    {
      slug: 'mattis-letter-2018',
      kind: 'LETTER',
      status: 'OCCURRED',
      title: "Jim Mattis's letter to NATO calling for an Iraq training mission",
      summary:
        'US Secretary of Defense Jim Mattis wrote to NATO headquarters calling for a formal NATO mission to Iraq with a ' +
        'semi-permanent or permanent command to train Iraqi forces.',
      start: '2018-01',
      dateNote: "'in January' in a report of February 2018.",
      location: { name: 'NATO Headquarters, Brussels', countryCode: 'BEL' },
      participants: [
        { actor: 'jim-mattis', role: 'SENDER', evidence: ['US Secretary of Defense Jim Mattis sent a letter'] },
        { actor: 'nato', role: 'RECIPIENT', evidence: ['sent a letter to NATO headquarters in January'] },
      ],
      evidence: [
        { quote: 'sent a letter to NATO headquarters in January', attribution: 'five senior NATO diplomats' },
        { quote: 'In his letter, Mattis left many details open', attribution: 'diplomats' },
      ],
    },
    {
      slug: 'pentagon-declines-to-discuss-letter-2018',
      kind: 'STATEMENT',
      status: 'OCCURRED',
      title: 'Pentagon declines to discuss whether Mattis wrote to NATO',
      summary:
        'Pentagon spokesman Johnny Michael declined to discuss whether Mattis had sent a letter to NATO, saying the administration ' +
        'continued to look for ways allies could do more to counter terrorist organisations. (The requester\'s own side: not an answer to the request.)',
      start: '2018-02',
      dateNote: 'Reported in February 2018; the day is not stated.',
      participants: [
        { actor: 'johnny-michael', role: 'SPEAKER', evidence: ['Pentagon spokesman Johnny Michael declined to discuss'] },
      ],
      evidence: [
        'declined to discuss whether Mattis had sent a letter to NATO',
        { quote: 'The administration continues to look for ways allies can do more to counter terrorist organizations.', attributedTo: 'johnny-michael' },
      ],
    },
    {
      slug: 'nato-defence-ministers-meeting-2018-02',
      kind: 'MEETING',
      status: 'PLANNED',
      title: "NATO defence ministers' meeting (February 2018)",
      summary: 'Meeting of NATO defence ministers in Brussels expected to discuss the US request for an Iraq training mission.',
      start: '2018-02-14',
      end: '2018-02-15',
      dateNote: "'in Brussels next week' in a report of early February 2018; held on 14–15 February 2018 (public record).",
      location: { name: 'Brussels', countryCode: 'BEL' },
      participants: [
        { actor: 'nato', role: 'HOST', evidence: ['NATO defence ministers are expected to discuss the US request in Brussels next week'] },
      ],
      evidence: ['NATO defence ministers are expected to discuss the US request in Brussels next week'],
    },
    {
      slug: 'brussels-summit-2018',
      kind: 'SUMMIT',
      status: 'PLANNED',
      title: 'NATO Brussels Summit (2018)',
      summary: 'NATO summit at which a decision on a NATO mission in Iraq was possible.',
      start: '2018-07-11',
      end: '2018-07-12',
      dateNote: "'a summit in July' in a report of February 2018; held in Brussels on 11–12 July 2018 (public record).",
      citations: [
        {
          title: 'Brussels Summit Declaration', publisher: 'NATO (Press Release (2018) 074)',
          url: 'https://www.nato.int/cps/en/natohq/official_texts_156624.htm', published: '2018-07-11',
          note: 'Issued by the Heads of State and Government participating in the meeting of the North Atlantic Council in Brussels, 11–12 July 2018.',
        },
      ],
      location: { name: 'Brussels', countryCode: 'BEL' },
      participants: [{ actor: 'nato', role: 'HOST', evidence: ['a possible decision at a summit in July'] }],
      evidence: ['a possible decision at a summit in July'],
    },
    {
      slug: 'stoltenberg-abadi-discussion-2018',
      kind: 'MEETING',
      status: 'OCCURRED',
      title: 'Jens Stoltenberg and Haider al-Abadi discuss a NATO mission in Iraq',
      summary: 'NATO Secretary-General Jens Stoltenberg discussed a NATO mission in Iraq with Iraqi Prime Minister Haider al-Abadi, who supports one.',
      dateNote: 'Not dated in the text: before the report of February 2018.',
      participants: [
        { actor: 'jens-stoltenberg', role: 'ATTENDEE', evidence: ['NATO Secretary-General Jens Stoltenberg has discussed the issue'] },
        { actor: 'haider-al-abadi', role: 'ATTENDEE', evidence: ['with Prime Minister Haider al-Abadi'] },
      ],
      evidence: ['has discussed the issue with Prime Minister Haider al-Abadi'],
    },
    {
      slug: 'war-with-islamic-state',
      kind: 'CONFLICT',
      status: 'OCCURRED',
      title: 'War against Islamic State in Iraq (2014–2017)',
      summary: 'Three-year war in Iraq against Islamic State, after which the United States wanted to ensure the militants did not re-emerge.',
      start: '2014',
      end: '2017-12',
      dateNote:
        "'a three-year war with Islamic State' (report of 2018); Islamic State's offensive in Iraq began in 2014 and Iraq declared victory in December 2017 (public record).",
      location: { name: 'Iraq', countryCode: 'IRQ' },
      participants: [{ actor: 'islamic-state', role: 'ATTENDEE', evidence: ['a three-year war with Islamic State'] }],
      evidence: ['After a three-year war with Islamic State'],
    },
    {
      slug: 'nato-training-team-iraq-2017',
      kind: 'MISSION',
      status: 'OCCURRED',
      title: 'NATO training team in Iraq (2017–2018)',
      summary: 'Small NATO training presence in Iraq, fewer than 20 trainers, before the US call for a larger mission.',
      start: '2017',
      dateNote: "Ongoing in February 2018 ('NATO does have trainers in Iraq already'); it began in early 2017 (public record).",
      location: { name: 'Iraq', countryCode: 'IRQ' },
      participants: [{ actor: 'nato', role: 'HOST', evidence: ['NATO does have trainers in Iraq already'] }],
      quantities: [{ amount: 20, unit: 'NATO trainers in Iraq', qualifier: 'LESS_THAN', text: 'they number less than 20' }],
      evidence: ['While NATO does have trainers in Iraq already, they number less than 20.'],
    },
    {
      slug: 'nato-afghanistan-engagement',
      kind: 'MISSION',
      status: 'OCCURRED',
      title: 'NATO engagement in Afghanistan',
      summary:
        "NATO's long-running military commitment in Afghanistan, including funding and training Afghan forces, cited as a reason for allies' wariness of an open-ended Iraq mission.",
      start: '2003-08',
      dateNote:
        "NATO took command of the International Security Assistance Force in August 2003 (public record); the texts refer to NATO's 'commitments notably in Afghanistan' (2004) and 'a decade in Afghanistan' (2018).",
      location: { name: 'Afghanistan', countryCode: 'AFG' },
      participants: [
        { actor: 'nato', role: 'HOST', evidence: ['NATO is funding and training Afghan forces'] },
        { actor: 'afghanistan', role: 'SUBJECT', evidence: ['Afghan forces'] },
      ],
      evidence: [
        'an alliance wary after a decade in Afghanistan',
        'the long-running conflict where NATO is funding and training Afghan forces',
      ],
    },
  ],

  requests: [
    {
      slug: 'mattis-2018-nato-iraq-mission',
      summary:
        'The United States, through a letter from Secretary of Defense Jim Mattis, asked NATO to establish a formal, long-term ' +
        'train-and-advise mission in Iraq with a semi-permanent or permanent command, not in a combat role.',
      channel: 'LETTER',
      date: '2018-01',
      dateNote: "Letter sent 'in January' (report of February 2018).",
      madeAt: 'mattis-letter-2018',
      statusHistory: [
        {
          key: 'sent',
          status: 'PENDING',
          date: '2018-01',
          note: 'Letter sent to NATO headquarters.',
          evidence: [{ quote: 'sent a letter to NATO headquarters in January', attribution: 'five senior NATO diplomats' }],
        },
        {
          key: 'under-consideration',
          status: 'UNDER_CONSIDERATION',
          date: '2018-02',
          dateNote: 'Reported in February 2018.',
          note: 'NATO was looking into the request; defence ministers were to discuss it, with a possible decision at the July summit.',
          evidence: [
            { quote: 'the alliance is "looking into how we can step-up our training efforts"', attribution: 'a NATO official' },
            'NATO defence ministers are expected to discuss the US request in Brussels next week, with a possible decision at a summit in July',
          ],
        },
        {
          key: 'mission-launched',
          status: 'ACCEPTED',
          date: '2018-07-11',
          dateNote: 'Public record: decided at the Brussels summit of 11–12 July 2018.',
          note: 'NATO leaders decided at the Brussels summit to launch a non-combat training and capacity-building mission in Iraq (NATO Mission Iraq).',
          citations: [
            {
              title: 'Brussels Summit Declaration', publisher: 'NATO (Press Release (2018) 074)',
              url: 'https://www.nato.int/cps/en/natohq/official_texts_156624.htm', published: '2018-07-11',
              note: 'The allies launch a non-combat training and capacity-building mission in Iraq.',
            },
          ],
        },
      ],
      requesters: [
        { actor: 'jim-mattis', onBehalfOf: 'united-states' },
        { actor: 'united-states' },
      ],
      addressees: [{ actor: 'nato' }],
      items: [
        {
          key: 'mission',
          category: 'MISSION',
          description: 'A formal, long-term NATO train-and-advise mission to Iraq with a semi-permanent or permanent command',
          evidence: [
            { quote: 'a formal NATO mission to Iraq with a semi-permanent or permanent command', attribution: 'five senior NATO diplomats' },
            { quote: 'establish a long-term train-and-advise mission in Iraq', attribution: 'diplomats' },
            { quote: 'for a long-term assignment', attribution: 'one senior NATO diplomat' },
          ],
        },
        {
          key: 'training',
          category: 'TRAINING',
          description: 'Training of Iraqi forces',
          evidence: ['to train Iraqi forces'],
        },
        {
          key: 'advice',
          category: 'ADVICE',
          description: 'Developing military academies and a military doctrine for the Iraqi defence ministry',
          evidence: [{ quote: 'suggested developing military academies and a military doctrine for the Iraqi defence ministry', attribution: 'diplomats' }],
        },
        {
          key: 'troops-excluded',
          category: 'TROOPS',
          description: 'A combat role (explicitly not sought)',
          excluded: true,
          evidence: [{ quote: 'not in a combat role', attribution: 'one senior NATO diplomat' }],
        },
      ],
      responses: [
        {
          key: 'nato-looking-into-it',
          responder: 'nato',
          stance: 'CONSIDERING',
          date: '2018-02',
          dateNote: 'Reported in February 2018.',
          summary:
            "A NATO official said the alliance was 'looking into how we can step-up our training efforts'; defence chiefs were to give ministers options for an Iraq mission, ministers were to discuss the request in Brussels, with a possible decision at the July summit.",
          evidence: [
            { quote: 'looking into how we can step-up our training efforts', attribution: 'a NATO official' },
            'NATO defence chiefs will provide ministers with a range of options for an Iraq mission',
            'NATO defence ministers are expected to discuss the US request',
          ],
        },
        {
          key: 'allies-reluctant',
          responder: 'nato',
          stance: 'NONCOMMITTAL',
          date: '2018-02',
          dateNote: 'Reported in February 2018.',
          summary:
            "According to a senior NATO diplomat, few allies wanted a long-term mission that 'looks suspiciously like another " +
            "Afghanistan'; the alliance was wary after a decade in Afghanistan.",
          evidence: [
            { quote: 'This looks suspiciously like another Afghanistan', attribution: 'one senior NATO diplomat' },
            { quote: 'Few allies want that.', attribution: 'one senior NATO diplomat' },
            'reviving a divisive issue for an alliance wary after a decade in Afghanistan',
          ],
        },
        {
          key: 'brussels-summit-launch',
          responder: 'nato',
          stance: 'ACCEPTS',
          date: '2018-07-11',
          dateNote: 'Public record (not in the corpus): the Brussels summit of 11–12 July 2018.',
          event: 'brussels-summit-2018',
          answers: ['mission', 'training'],
          summary: 'NATO leaders decided at the Brussels summit to launch a non-combat training and capacity-building mission in Iraq (NATO Mission Iraq).',
          citations: [
            {
              title: 'Brussels Summit Declaration', publisher: 'NATO (Press Release (2018) 074)',
              url: 'https://www.nato.int/cps/en/natohq/official_texts_156624.htm', published: '2018-07-11',
              note: 'The allies launch a non-combat training and capacity-building mission in Iraq.',
            },
          ],
        },
        {
          key: 'stoltenberg-discussed-with-abadi',
          responder: 'jens-stoltenberg',
          stance: 'CONSIDERING',
          dateNote: 'Not dated in the text: before the report of February 2018.',
          event: 'stoltenberg-abadi-discussion-2018',
          summary: 'NATO Secretary-General Jens Stoltenberg discussed the issue with Iraqi Prime Minister Haider al-Abadi.',
          evidence: [{ quote: 'has discussed the issue with Prime Minister Haider al-Abadi', attribution: 'diplomats' }],
        },
        {
          key: 'abadi-supports',
          responder: 'haider-al-abadi',
          stance: 'SUPPORTS',
          date: '2018-02',
          dateNote: 'Stance as reported by diplomats in February 2018.',
          event: 'stoltenberg-abadi-discussion-2018',
          summary: 'Iraqi Prime Minister Haider al-Abadi supports a NATO mission, according to diplomats.',
          evidence: [{ quote: 'who supports a mission', attribution: 'diplomats' }],
        },
      ],
      evidence: [
        { quote: 'The United States is renewing pressure on its European NATO allies', attribution: 'diplomats' },
        { quote: 'calling for a formal NATO mission to Iraq', attribution: 'five senior NATO diplomats' },
        'the US request',
        { quote: 'The United States is pushing hard for a NATO role in Iraq', attribution: 'one senior NATO diplomat' },
      ],
    },
  ],
});
