// Runs compromise (version pinned in package.json) on each file named on the command line
// and prints one JSON object per file: {"file", "mentions": [{start, end, text, kind}]},
// offsets in UTF-16 code units of the file's text (as JavaScript counts them).
// kind: person (doc.people()), place (doc.places()), org (doc.organizations()).
import fs from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';

for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const doc = nlp(text);
  const mentions = [];
  for (const [kind, view] of [['person', doc.people()], ['place', doc.places()], ['org', doc.organizations()]]) {
    for (const m of view.json({ offset: true, text: true, terms: false })) {
      const off = m.offset || {};
      const start = off.start ?? 0;
      const end = start + (off.length ?? 0);
      mentions.push({ start, end, text: text.slice(start, end), kind });
    }
  }
  console.log(JSON.stringify({ file: path.basename(file), mentions }));
}
