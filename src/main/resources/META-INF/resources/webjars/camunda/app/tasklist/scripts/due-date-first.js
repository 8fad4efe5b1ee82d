/*
 * Daiban: a task list is read against the time-limit promise, so the earliest due date comes first.
 * Tasklist takes its order from the `sorting` URL parameter and defaults to "created, newest first"; the filters' own
 * stored ordering is overridden by that default. When the URL carries no order, this supplies due date ascending;
 * an order the user picks in the list header is kept.
 */
const DUE_DATE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

function preferDueDate() {
  const hash = window.location.hash || '';
  if (!hash.startsWith('#/') || hash.startsWith('#/login')) {
    return;
  }
  const [path, query = ''] = hash.slice(1).split('?');
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_DATE_FIRST);
  window.location.replace('#' + path + '?' + params.toString());
}

window.addEventListener('hashchange', preferDueDate);
preferDueDate();

export default {};
