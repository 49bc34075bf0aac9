// Text the worker analyzes right after it starts, while the person is still pasting, so
// that their first analysis does not pay for the engine's start (bench/page_first_table.mjs):
// the browser compiles a WebAssembly function the first time it runs and again, optimized,
// once it has run a while (in background threads that share the machine's cores with the
// page). Text that takes the core down many of its paths (money, percentages, ranges,
// numbers in words, dates and times, units, parts of a total, figures that change,
// titles, acronyms, quotations in several styles) has those compilations done at load.
// Three reports of one FICTIONAL event, written for this page: every place, person,
// organisation and outlet is made up.

export const WARMUP = [
  {
    name: "Harbour Ledger",
    text: `PORT ESKEL, March 3 (Harbour Ledger) — A fire at the Vantrell Chemicals depot in Port Eskel killed at least 14 people and injured 62 on Tuesday, of whom 9 were children, the Eskel Fire Service (EFS) said.

Between 300 and 400 residents were moved from the Dunmarsh quarter, about 2.5 kilometres from the depot, and roughly a third of them spent the night in schools. Damage was put at $4.2 million, or nearly €3.9 million, a 40% rise on the estimate given at 9 a.m.

"We saw the smoke from twelve miles away," said Dr. Anselm Kirou, head of the regional hospital. 'Every bed we had was taken by noon,' he told reporters.

The death toll rose from 11 to 14 overnight, Interior Minister Hana Velloso said on Wednesday, according to a statement from the Ministry of Civil Safety.`,
  },
  {
    name: "Coastline Daily",
    text: `Fourteen people died and more than 60 were hurt when fire swept through a chemical store in Port Eskel on 3 March 2026, officials said. Dozens of families, some two thousand people in all, left their homes.

The company, Vantrell Chemicals Ltd., said 1,200 tonnes of fertiliser were stored at the site, up to 15 per cent more than its permit allowed. Firefighters needed 18 hours to put out the blaze; winds reached 70 km/h.

Minister Velloso said: «We will know the cause within weeks.» Anselm Kirou, the hospital's director, said: "We saw smoke from twelve miles away."

Insurers estimate losses at between $4 million and $5 million. The EFS said 250 firefighters, half of them volunteers, worked in shifts of 6 hours.`,
  },
  {
    name: "Eskel Radio",
    text: `The number of dead in the Port Eskel depot fire has risen to 15, up from 14 on Tuesday, the fire service said on Thursday morning. About 70 people were treated in hospital and 12 remain in a critical condition.

Around 350 people were evacuated from Dunmarsh. Half of the 40 shops on Quay Street stayed closed for a week.

"It will take months, perhaps a year, to rebuild," said Mayor Corin Abadi. The city set aside 2 million euros for repairs and a further 500,000 euros for the families.

Vantrell's chief executive, Ruth Ollander, said on 5 March that the firm would pay for the clean-up, estimated at 3.1m dollars.`,
  },
];
