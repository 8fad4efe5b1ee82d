// The one chart library of the supervision workspace, bundled so that Cockpit loads it from our jar, never from a CDN.
export { Chart, registerables } from 'chart.js';
