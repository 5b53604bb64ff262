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
          to: '2019-01-01',
          dateNote: 'Term of office from public record.',
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
          to: '2024-10-01',
          dateNote: 'Term of office from public record.',
          evidence: ['NATO Secretary-General Jens Stoltenberg'],
        },
      ],
    },
    {
      slug: 'haider-al-abadi',
      name: 'Haider al-Abadi',
      kind: 'PERSON',
      countryCode: 'IRQ',
      description: 'Iraqi politician; Prime Minister of Iraq from 2014 to 2018.',
      aliases: ['al-Abadi', 'Abadi'],
      mentions: ['Prime Minister Haider al-Abadi'],
      roles: [
        {
          key: 'pm-2014',
          title: 'Prime Minister',
          within: 'iraq',
          from: '2014-09-08',
          to: '2018-10-25',
          dateNote: 'Term of office from public record.',
          evidence: ['Prime Minister Haider al-Abadi'],
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
      participants: [
        { actor: 'jim-mattis', role: 'SENDER', evidence: ['US Secretary of Defense Jim Mattis sent a letter'] },
        { actor: 'nato', role: 'RECIPIENT', evidence: ['sent a letter to NATO headquarters in January'] },
      ],
      evidence: ['sent a letter to NATO headquarters in January', 'In his letter, Mattis left many details open'],
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
      status: 'UNDER_CONSIDERATION',
      date: '2018-01',
      dateNote: "Letter sent 'in January' (report of February 2018).",
      madeAt: 'mattis-letter-2018',
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
            'a formal NATO mission to Iraq with a semi-permanent or permanent command',
            'establish a long-term train-and-advise mission in Iraq',
            'for a long-term assignment',
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
          evidence: ['suggested developing military academies and a military doctrine for the Iraqi defence ministry'],
        },
        {
          key: 'specialist-training',
          category: 'TRAINING',
          description: 'Other ideas cited by diplomats: bomb disposal training, maintenance of Soviet-era vehicles and medical training',
          evidence: ['bomb disposal training, maintenance of Soviet-era vehicles and medical training'],
        },
        {
          key: 'troops-excluded',
          category: 'TROOPS',
          description: 'A combat role (explicitly not sought)',
          excluded: true,
          evidence: ['not in a combat role'],
        },
      ],
      responses: [
        {
          key: 'pentagon-declines-comment',
          responder: 'johnny-michael',
          stance: 'NONCOMMITTAL',
          date: '2018-02',
          dateNote: 'Reported in February 2018.',
          summary:
            'Pentagon spokesman Johnny Michael declined to discuss whether Mattis had sent a letter to NATO, saying the administration continued to look for ways allies could do more to counter terrorist organisations.',
          evidence: [
            'declined to discuss whether Mattis had sent a letter to NATO',
            'The administration continues to look for ways allies can do more to counter terrorist organizations.',
          ],
        },
        {
          key: 'nato-looking-into-it',
          responder: 'nato',
          stance: 'CONSIDERING',
          date: '2018-02',
          dateNote: 'Reported in February 2018.',
          summary:
            "A NATO official said the alliance was 'looking into how we can step-up our training efforts'; defence chiefs were to give ministers options for an Iraq mission, ministers were to discuss the request in Brussels, with a possible decision at the July summit.",
          evidence: [
            'looking into how we can step-up our training efforts',
            'NATO defence chiefs will provide ministers with a range of options for an Iraq mission',
            'NATO defence ministers are expected to discuss the US request',
          ],
        },
        {
          key: 'stoltenberg-discussed-with-abadi',
          responder: 'jens-stoltenberg',
          stance: 'CONSIDERING',
          dateNote: 'Not dated in the text: before the report of February 2018.',
          event: 'stoltenberg-abadi-discussion-2018',
          summary: 'NATO Secretary-General Jens Stoltenberg discussed the issue with Iraqi Prime Minister Haider al-Abadi.',
          evidence: ['has discussed the issue with Prime Minister Haider al-Abadi'],
        },
        {
          key: 'abadi-supports',
          responder: 'haider-al-abadi',
          stance: 'SUPPORTS',
          date: '2018-02',
          dateNote: 'Stance as reported by diplomats in February 2018.',
          event: 'stoltenberg-abadi-discussion-2018',
          summary: 'Iraqi Prime Minister Haider al-Abadi supports a NATO mission, according to diplomats.',
          evidence: ['who supports a mission'],
        },
      ],
      evidence: [
        'The United States is renewing pressure on its European NATO allies',
        'calling for a formal NATO mission to Iraq',
        'the US request',
        'The United States is pushing hard for a NATO role in Iraq',
      ],
    },
  ],
});
