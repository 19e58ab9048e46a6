/**
 * Likeness of short Chinese texts, by the character pairs (bigrams) they share: the usual way to
 * compare Chinese without a word segmenter, since most words are two characters long. Latin words
 * and numbers count as single tokens. Pairs that every document has (企业, 需要 …) weigh nothing,
 * by their inverse document frequency over the texts being compared.
 */
export function bigrams(text: string): Set<string> {
  const grams = new Set<string>()
  // Runs of Han characters give their pairs; runs of letters or digits are one token each.
  for (const run of text.toLowerCase().match(/[\u4e00-\u9fff]+|[a-z0-9]+/g) ?? []) {
    if (!/[\u4e00-\u9fff]/.test(run)) {
      if (run.length > 1) grams.add(run)
      continue
    }
    if (run.length === 1) grams.add(run)
    for (let i = 0; i + 1 < run.length; i++) grams.add(run.slice(i, i + 2))
  }
  return grams
}

/** How rare each bigram is across the documents: log(N / documents that have it). */
export function inverseFrequencies(documents: Set<string>[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const grams of documents) for (const gram of grams) counts.set(gram, (counts.get(gram) ?? 0) + 1)
  const weights = new Map<string, number>()
  for (const [gram, count] of counts) weights.set(gram, Math.log((documents.length + 1) / count))
  return weights
}

/** The weight of what the query shares with a document; 0 when nothing telling is shared. */
export function sharedWeight(query: Set<string>, document: Set<string>, weights: Map<string, number>, unknownWeight = 0): number {
  let score = 0
  for (const gram of query) if (document.has(gram)) score += weights.get(gram) ?? unknownWeight
  return score
}

/** Jaccard likeness of two texts' bigrams, from 0 (nothing shared) to 1 (the same pairs). */
export function likeness(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const gram of a) if (b.has(gram)) shared++
  return shared / (a.size + b.size - shared)
}
