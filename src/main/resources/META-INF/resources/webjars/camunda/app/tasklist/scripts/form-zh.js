/*
 * Daiban: Camunda Forms (form-js 1.8) in Tasklist write their validation messages, placeholders and empty lists in
 * English, and a pattern's message shows the raw regular expression. form-js has no translation hook in this version,
 * so the texts it renders are replaced as they appear. A pattern message is replaced by the field's own description,
 * which says in words what the field expects.
 */
const FIXED = {
  'Field is required.': '此项必填。',
  'Select': '请选择',
  'Search': '搜索',
  'No results': '没有匹配的选项',
  'All values selected': '已全部选择',
  'Field must be a valid email.': '请填写有效的电子邮箱。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)': '请填写有效的电话号码。'
};

const PATTERNS = [
  [/^Field must have minimum length of (\d+)\.$/, (m) => `至少 ${m[1]} 个字。`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `不超过 ${m[1]} 个字。`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`]
];

function patternMessage(textNode) {
  const field = textNode.parentElement && textNode.parentElement.closest('.fjs-form-field');
  const label = field && field.querySelector('.fjs-form-field-label');
  const description = field && field.querySelector('.fjs-form-field-description');
  const name = label ? label.textContent.replace(/\*\s*$/, '').trim() : '此项';
  return `${name}格式不正确` + (description ? `：${description.textContent.trim()}` : '。');
}

function translated(textNode) {
  const text = textNode.data.trim();
  if (!text) {
    return null;
  }
  if (Object.prototype.hasOwnProperty.call(FIXED, text)) {
    return FIXED[text];
  }
  if (text.startsWith('Field must match pattern')) {
    return patternMessage(textNode);
  }
  for (const [pattern, message] of PATTERNS) {
    const match = text.match(pattern);
    if (match) {
      return message(match);
    }
  }
  return null;
}

function translateTree(root) {
  if (!root || !root.querySelectorAll) {
    return;
  }
  const scope = root.closest && root.closest('.fjs-container') ? root : root.querySelector('.fjs-container');
  if (!scope) {
    return;
  }
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chinese = translated(node);
    if (chinese !== null && node.data !== chinese) {
      node.data = chinese;
    }
  }
  scope.querySelectorAll('input[placeholder]').forEach((input) => {
    const chinese = FIXED[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
}

let scheduled = false;

const observer = new MutationObserver(() => {
  // form-js re-renders on every keystroke: translate once per frame, after it is done
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      document.querySelectorAll('.fjs-container').forEach(translateTree);
    });
  }
});

observer.observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['placeholder']
});

export default [];
