// Node 20 lacks Map.groupBy / Object.groupBy (Node 21+), and vitest 5's reporter calls
// Map.groupBy when a test fails: without this, failures crash the report instead of showing.
// Loaded with `node --import` by the unit-test scripts. TODO [2027-04-30]: drop with Node 20.
const group = (items, keyOf, into, add) => {
  let i = 0;
  for (const item of items) add(into, keyOf(item, i++), item);
  return into;
};
if (typeof Map.groupBy !== 'function') {
  Map.groupBy = (items, keyOf) =>
    group(items, keyOf, new Map(), (m, k, v) => (m.has(k) ? m.get(k).push(v) : m.set(k, [v])));
}
if (typeof Object.groupBy !== 'function') {
  Object.groupBy = (items, keyOf) =>
    group(items, keyOf, Object.create(null), (o, k, v) => {
      if (k in o) o[k].push(v);
      else o[k] = [v];
    });
}
