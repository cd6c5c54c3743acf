import { Client } from 'pg';

/**
 * A seeded participant for the companion's token: someone still in treatment at the site, with a
 * mentor when there is one (so every part of the companion has something to show). Read from
 * outcomes' log, so it is right whichever way the demo was seeded.
 */
export const participantInTreatment = async (servicesDatabaseUrl: string, site: string): Promise<string | null> => {
  const client = new Client({ connectionString: servicesDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ participant: string }>(
      `SELECT a.data->>'participantId' AS participant
         FROM outcomes.events a
        WHERE a.type = 'ParticipantAdmitted' AND a.metadata->>'siteId' = $1
          AND NOT EXISTS (SELECT 1 FROM outcomes.events d WHERE d.stream_id = a.stream_id AND d.type = 'ParticipantDischarged')
        ORDER BY EXISTS (SELECT 1 FROM outcomes.events m WHERE m.stream_id = a.stream_id AND m.type = 'MentorMatched') DESC, a.global_position
        LIMIT 1`,
      [site],
    );
    return rows[0]?.participant ?? null;
  } finally {
    await client.end();
  }
};
