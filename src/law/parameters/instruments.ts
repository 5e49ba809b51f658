import { getInstrument, type InstrumentLevel } from '../corpus/index.js';

/**
 * Rank of each level of instrument: a higher number prevails. A State Council
 * administrative regulation ranks above a provincial regulation (Legislation
 * Law), which is what makes "国家另有规定的，从其规定" (art 23 ¶2) an exception
 * the national rule can trigger and a provincial one cannot.
 */
export const INSTRUMENT_PRECEDENCE: Readonly<Record<InstrumentLevel, number>> = {
  'provincial-regulation': 1,
  'national-administrative-regulation': 2,
};

export function instrumentRank(id: string): number | undefined {
  const i = getInstrument(id);
  return i ? INSTRUMENT_PRECEDENCE[i.level] : undefined;
}

/** Whether an instrument is a national rule ("国家…规定") in the sense of art 23 ¶2. */
export function isNationalInstrument(id: string): boolean {
  return getInstrument(id)?.level === 'national-administrative-regulation';
}

/** The day an instrument came into force, as the corpus records it. */
export function instrumentInForce(id: string): string | undefined {
  return getInstrument(id)?.inForce;
}
