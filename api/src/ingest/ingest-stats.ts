/** Counters of one ingestion process since it started (logs, health, benchmarks). */
export interface IngestStats {
  chunks: number;
  sampleMessages: number;
  interfaceSamples: number;
  ratePoints: number;
  baselines: number;
  staleSamples: number;
  trapMessages: number;
  alarmOutcomes: Record<string, number>;
  duplicateWrites: number;
  rejected: number;
  lastChunkAt: Date | null;
}

export function emptyStats(): IngestStats {
  return {
    chunks: 0,
    sampleMessages: 0,
    interfaceSamples: 0,
    ratePoints: 0,
    baselines: 0,
    staleSamples: 0,
    trapMessages: 0,
    alarmOutcomes: {},
    duplicateWrites: 0,
    rejected: 0,
    lastChunkAt: null,
  };
}
