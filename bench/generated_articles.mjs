// Generated fictional reports of one flood (our own text: towns, people, agencies and
// figures are invented and vary with the index), shared by the browser benchmarks.

const towns = ["Brennmoor", "Calder Rise", "Ostvik", "Marrowby", "Tessaly", "Quenford"];
const people = ["Mara Quist", "Tomas Ferrell", "Ines Okonjo", "Pavel Drummond", "Lea Sandoval"];
const quals = ["more than", "nearly", "about", "at least", "up to", ""];

/**
 * The text of variant `i`: eight paragraphs with counts, a quotation and an agency.
 * `uniqueQuotes`: each paragraph's quotation differs (the count of boats and the
 * paragraph's number are in it), for inputs where the same words said thousands of times
 * are not what is measured. `quotes: false`: no quotation at all.
 */
export function variant(i, { uniqueQuotes = false, quotes = true } = {}) {
  const town = towns[i % towns.length], who = people[i % people.length];
  const q = (k) => quals[(i + k) % quals.length];
  const n = (base) => base + ((i * 37) % 50);
  let t = `Floods hit ${town} on Tuesday.\n\n`;
  for (let p = 0; p < 8; p++) {
    t += `${q(p)} ${n(100 + p * 10)} residents were evacuated from ${town}, the regional emergency service said on ${["Monday", "Tuesday", "Wednesday"][p % 3]}. `;
    t += `At least ${n(3)} people were killed and ${n(20)} were injured, officials said. `;
    if (quotes) t += uniqueQuotes
      ? `“We have lost ${i} boats and ${p + 2} houses on this street,” said ${who}, who runs a bakery near the river. `
      : `“We have lost everything,” said ${who}, who runs a bakery near the river. `;
    t += `The ${town} Civil Protection Agency (CPA) said about ${n(300)} homes were damaged and repairs could take six months.\n\n`;
  }
  return t;
}

/** `n` articles `{ name, text }`, "Outlet 1" ... */
export function generatedArticles(n) {
  return Array.from({ length: n }, (_, i) => ({ name: `Outlet ${i + 1}`, text: variant(i) }));
}
