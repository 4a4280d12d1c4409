import { writeCharts } from './statecharts';

const changed = await writeCharts();
console.log(changed.length ? `updated: ${changed.join(', ')}` : 'all statecharts are up to date');
