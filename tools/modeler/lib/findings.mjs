/** One problem in one model file; category is 'error', 'warn' or 'info' as the Modeler shows it. Every one fails the build. */
export function finding(file, element, rule, message, category = 'error') {
  return { file, element: element || '', rule, message, category };
}

export function format(f) {
  return `${f.file}  ${f.element || '-'}  ${f.category}  ${f.message}  (${f.rule})`;
}

// Modeler-generated ids (Activity_0k8g9x1, DecisionRule_1h2f3g4) say nothing to the Java code or the analyst reading a log.
const GENERATED_ID = /_[0-9][0-9a-z]{6}$/;
const READABLE_ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;

export function unreadableId(id) {
  return !READABLE_ID.test(id) || GENERATED_ID.test(id);
}
