/*
 * Daiban: what agents and clerks need around their tasks, from the domain API (/api/matters, with the Tasklist
 * login):
 * - after a matter is accepted (start form submitted): its number, the promised completion time and the promise slip;
 * - in the header: the matters in progress (本村在办事项 for agents) and a search by matter number or resident name;
 * - on each task: the promised time as date and time with the time left, a tab with the matter and its slip, and a
 *   tab with the clock operations the task's holder may use (中止, 延期, 转办, 终止, 催办), written with the Tasklist
 *   login and its CSRF token.
 * Free-form task creation (新建任务) is not part of the work: it is hidden.
 */
const ENGINE = (document.querySelector('base') && document.querySelector('base').getAttribute('engine-api') || '/camunda/api/engine/')
  + 'engine/default';
const API = '/api/matters';

const style = document.createElement('style');
style.textContent = `
  .create-task-action { display: none !important; }
  .daiban-due { font-size: 12px; margin-top: 2px; }
  .daiban-due.late { color: #c0392b; font-weight: bold; }
  .daiban-header { display: inline-flex; gap: 6px; align-items: center; margin: 6px 12px; }
  .daiban-header input { width: 220px; }
  .daiban-panel { position: fixed; z-index: 2000; top: 60px; left: 50%; transform: translateX(-50%); width: min(1100px, 96vw);
    max-height: 80vh; overflow: auto; background: #fff; border: 1px solid #999; box-shadow: 0 4px 18px rgba(0,0,0,.3); padding: 14px 18px; }
  .daiban-panel h3 { margin-top: 0; }
  .daiban-panel table { width: 100%; }
  .daiban-panel td, .daiban-panel th { padding: 4px 6px; border-bottom: 1px solid #ddd; vertical-align: top; }
  .daiban-panel .close-panel { float: right; }
  .daiban-accepted dt { float: left; clear: left; width: 7em; }
  .daiban-accepted dd { margin-left: 8em; margin-bottom: 6px; }
  .daiban-warning { color: #a94442; background: #f2dede; padding: 6px 8px; margin: 8px 0; }
  .daiban-ok { color: #3c763d; background: #dff0d8; padding: 6px 8px; margin: 8px 0; }
  .daiban-operation { border-top: 1px solid #ddd; padding: 8px 0; }
  .daiban-operation h4 { margin: 4px 0; }
  .daiban-operation .help-block { margin: 2px 0 6px; }
`;
document.head.appendChild(style);

function escapeHtml(value) {
  return String(value == null ? '' : value).replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
  }[c]));
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let message = '查询失败（' + response.status + '）';
    try {
      const body = await response.json();
      message = body.message || message;
    } catch (e) {
      // keep the status
    }
    throw new Error(message);
  }
  return response.json();
}

function panel(id, html) {
  let node = document.getElementById(id);
  if (!node) {
    node = document.createElement('div');
    node.id = id;
    node.className = 'daiban-panel';
    node.setAttribute('role', 'dialog');
    document.body.appendChild(node);
  }
  node.innerHTML = '<button type="button" class="btn btn-default btn-sm close-panel">关闭</button>' + html;
  node.querySelector('.close-panel').addEventListener('click', () => node.remove());
  return node;
}

// ---- after acceptance -------------------------------------------------------------------------------------------

function showAccepted(matter) {
  const warning = matter.smsReachable ? ''
    : '<div class="daiban-warning">委托人留的是固定电话，收不到短信：请当面或电话告知承诺办结时间和办理结果。</div>';
  panel('daiban-accepted', `
    <h3>事项已受理</h3>
    <dl class="daiban-accepted">
      <dt>事项编号</dt><dd><strong class="matter-no">${escapeHtml(matter.matterNo)}</strong></dd>
      <dt>服务事项</dt><dd>${escapeHtml(matter.serviceItemName)}</dd>
      <dt>承诺办结时间</dt><dd><strong class="due-at">${escapeHtml(matter.dueText || '（待定）')}</strong>
        ${matter.timeLeft ? '（' + escapeHtml(matter.timeLeft) + '）' : ''}</dd>
    </dl>
    ${warning}
    <p><a class="btn btn-primary print-slip" target="_blank" rel="noopener" href="${escapeHtml(matter.promiseSlip)}">打印限时办结承诺单</a>
      请委托人收好承诺单，办结后签字确认。</p>`);
}

async function afterStart(instance) {
  try {
    const found = await getJson(API + '?processInstanceId=' + encodeURIComponent(instance.id));
    if (found.length) {
      showAccepted(found[0]);
    }
  } catch (e) {
    // not a proxy matter, or not readable: Tasklist's own notice stays
  }
}

// Tasklist starts a process with POST …/process-definition/{id}/submit-form; the answer names the new instance.
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && /\/process-definition\/[^/]+\/submit-form(\?|$)/.test(String(url))) {
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        try {
          afterStart(JSON.parse(this.responseText));
        } catch (e) {
          // no JSON: nothing to show
        }
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

// ---- matter lists -----------------------------------------------------------------------------------------------

function taskLink(taskId) {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.slice(1).split('?');
  const params = new URLSearchParams(query);
  params.set('task', taskId);
  return '#' + (path || '/') + '?' + params.toString();
}

const ENDED = ['CLOSED', 'WITHDRAWN', 'TERMINATED'];

/** The list of matters; for a village agent ({@code urge} holds the webapp api) each open one can be urged. */
function showMatters(title, matters, urge) {
  const rows = matters.map((m) => `
    <tr class="matter-row">
      <td class="matter-no">${escapeHtml(m.matterNo)}</td>
      <td>${escapeHtml(m.serviceItemName)}</td>
      <td class="resident">${escapeHtml(m.residentName)}</td>
      <td>${escapeHtml(m.villageName)}</td>
      <td>${escapeHtml(m.statusLabel)}</td>
      <td>${escapeHtml(m.dueText || '')}<br><span class="${m.overdue ? 'daiban-due late' : 'daiban-due'}">${escapeHtml(m.timeLeft || '')}</span></td>
      <td class="agent">${escapeHtml(m.agentName || '')}<br>${escapeHtml(m.agentPhone || '')}</td>
      <td>${m.taskId ? `<a class="open-task" href="${escapeHtml(taskLink(m.taskId))}">打开任务</a><br>` : ''}
        <a target="_blank" rel="noopener" href="${escapeHtml(m.promiseSlip)}">承诺单</a>
        ${urge && !ENDED.includes(m.status) ? `<br><button type="button" class="btn btn-default btn-xs urge" data-matter="${escapeHtml(m.matterNo)}">催办</button>` : ''}</td>
    </tr>`).join('');
  const node = panel('daiban-matters', `
    <h3>${escapeHtml(title)}（${matters.length}）</h3>
    ${matters.length ? `<table><thead><tr><th>事项编号</th><th>服务事项</th><th>委托人</th><th>代办点</th><th>状态</th>
      <th>承诺办结时间</th><th>代办员</th><th></th></tr></thead><tbody>${rows}</tbody></table>`
      : '<p class="no-matters">没有找到事项。</p>'}`);
  node.querySelectorAll('a.open-task').forEach((a) => a.addEventListener('click', () => node.remove()));
  node.querySelectorAll('button.urge').forEach((button) => button.addEventListener('click', async () => {
    const cell = button.parentElement;
    try {
      await postJson(urge, API + '/' + encodeURIComponent(button.dataset.matter) + '/urge', {});
      cell.insertAdjacentHTML('beforeend', '<div class="daiban-ok urged">已催办</div>');
      button.disabled = true;
    } catch (e) {
      cell.insertAdjacentHTML('beforeend', `<div class="daiban-warning">${escapeHtml(e.message)}</div>`);
    }
  }));
}

async function villageAgent() {
  try {
    const user = await getJson('/camunda/api/admin/auth/user/default');
    const groups = await getJson(ENGINE + '/group?member=' + encodeURIComponent(user.userId));
    return groups.some((g) => g.id.startsWith('village-'));
  } catch (e) {
    return false;
  }
}

const header = {
  id: 'daiban-matter-search',
  pluginPoint: 'tasklist.header',
  priority: 10,
  render: (node, { api }) => {
    node.innerHTML = `
      <form class="daiban-header" role="search">
        <input type="search" class="form-control input-sm matter-search" maxlength="64"
               placeholder="事项编号或委托人姓名" aria-label="查找事项">
        <button type="submit" class="btn btn-default btn-sm">查找</button>
        <button type="button" class="btn btn-default btn-sm matters-in-progress">在办事项</button>
      </form>`;
    const form = node.querySelector('form');
    const inProgress = node.querySelector('.matters-in-progress');
    let urge = null;
    villageAgent().then((agent) => {
      inProgress.textContent = agent ? '本村在办事项' : '本单位在办事项';
      urge = agent ? api : null;
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = node.querySelector('.matter-search').value.trim();
      if (!text) {
        return;
      }
      try {
        showMatters('查找：' + text, await getJson(API + '?q=' + encodeURIComponent(text)));
      } catch (e) {
        panel('daiban-matters', `<p>${escapeHtml(e.message)}</p>`);
      }
    });
    inProgress.addEventListener('click', async () => {
      try {
        showMatters(inProgress.textContent, await getJson(API + '?open=true'), urge);
      } catch (e) {
        panel('daiban-matters', `<p>${escapeHtml(e.message)}</p>`);
      }
    });
  }
};

// ---- on each task -----------------------------------------------------------------------------------------------

/** The matter of a task, with its promised time and the time left as the server counts them. */
function matterOfTask(taskId) {
  return getJson(ENGINE + '/task/' + encodeURIComponent(taskId))
    .then((task) => getJson(API + '?processInstanceId=' + encodeURIComponent(task.processInstanceId)))
    .then((found) => found[0] || null);
}

const card = {
  id: 'daiban-card-due',
  pluginPoint: 'tasklist.card',
  priority: 10,
  // the card is rendered with the task's id or with the task itself, depending on where Tasklist draws it
  render: (node, { taskId, task }) => {
    const found = task && task.processInstanceId
      ? getJson(API + '?processInstanceId=' + encodeURIComponent(task.processInstanceId)).then((list) => list[0] || null)
      : matterOfTask(taskId || (task && task.id));
    found.then((m) => {
      if (m && m.dueText) {
        node.innerHTML = `<div class="${m.overdue ? 'daiban-due late' : 'daiban-due'}">承诺 ${escapeHtml(m.dueText)}`
          + (m.timeLeft ? `（${escapeHtml(m.timeLeft)}）` : '') + '</div>';
      }
    }).catch(() => {});
  }
};

const detail = {
  id: 'daiban-task-matter',
  pluginPoint: 'tasklist.task.detail',
  priority: -10,
  properties: { label: '事项与承诺单' },
  render: (node, { taskId }) => {
    node.innerHTML = '<p>正在读取事项…</p>';
    matterOfTask(taskId)
      .then((m) => {
        if (!m) {
          node.innerHTML = '<p>此任务不属于代办事项。</p>';
          return;
        }
        node.innerHTML = `
          <dl class="daiban-accepted daiban-task-matter">
            <dt>事项编号</dt><dd class="matter-no">${escapeHtml(m.matterNo)}</dd>
            <dt>服务事项</dt><dd>${escapeHtml(m.serviceItemName)}</dd>
            <dt>状态</dt><dd>${escapeHtml(m.statusLabel)}</dd>
            <dt>承诺办结时间</dt><dd>${escapeHtml(m.dueText || '（待定）')} <span class="${m.overdue ? 'daiban-due late' : 'daiban-due'}">${escapeHtml(m.timeLeft || '')}</span></dd>
            <dt>代办点</dt><dd>${escapeHtml(m.villageName)}</dd>
            <dt>代办员</dt><dd class="agent">${escapeHtml(m.agentName || '')} ${escapeHtml(m.agentPhone || '')}</dd>
          </dl>
          <p><a class="btn btn-default print-slip" target="_blank" rel="noopener" href="${escapeHtml(m.promiseSlip)}">打印限时办结承诺单</a></p>`;
      })
      .catch((e) => {
        node.innerHTML = `<p>${escapeHtml(e.message)}</p>`;
      });
  }
};

// ---- clock operations on a task -------------------------------------------------------------------------------

async function postJson(api, url, body) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': (api && api.CSRFToken) || '' },
    body: JSON.stringify(body)
  });
  if (!response.ok) {
    const answer = await response.json().catch(() => ({}));
    throw new Error(answer.message || '操作失败（' + response.status + '）');
  }
}

const reason = (label) => `<textarea class="form-control" name="reason" rows="2" maxlength="500" required aria-label="${label}"
  placeholder="${label}"></textarea>`;

/** Each operation: its form (for the matter m) and what the holder is told when it is done. */
const OPERATIONS = {
  pause: {
    form: () => `<h4>中止计时</h4>
      <p class="help-block">等待委托人补充或第三方检验、鉴定、公示期间中止；剩余工作时间保留，续办后接着计算。委托人会收到短信。</p>
      ${reason('中止原因')}<button type="submit" class="btn btn-default">中止计时</button>`,
    done: '已中止计时。续办时请在「续办（中止中）」任务中办理。'
  },
  extension: {
    form: () => `<h4>申请延期</h4>
      <p class="help-block">由镇督查办审批；批准后承诺办结时间按工作日顺延，委托人会收到短信。</p>
      <input type="number" class="form-control" name="workingDays" min="1" max="20" value="1" required aria-label="延长的工作日数">
      ${reason('延期理由')}<button type="submit" class="btn btn-default">申请延期</button>`,
    done: '延期申请已提交镇督查办审批。'
  },
  transfer: {
    form: (m) => `<h4>转办</h4>
      <p class="help-block">不属本单位职责时转给应办单位；承诺办结时间不变，转办本身不记入负面清单。</p>
      <select class="form-control" name="toUnit" aria-label="转给">
        <option value="">由分流规则重新确定</option>
        <option value="city-center">市政务服务中心</option>
        <option value="township-${escapeHtml(m.townshipCode)}">镇便民服务中心</option>
        <option value="village-${escapeHtml(m.villageCode)}">${escapeHtml(m.villageName)}代办点</option>
      </select>
      ${reason('转办原因')}<button type="submit" class="btn btn-default">转办</button>`,
    done: '已转办，原任务已结束。'
  },
  termination: {
    form: () => `<h4>终止办理</h4>
      <p class="help-block">重复事项、联系不上委托人、不属公共服务等，由镇便民服务中心或镇督查办终止；所有任务和计时随之结束。</p>
      <select class="form-control" name="closingReason" aria-label="终止类别">
        <option value="TERMINATED">终止办理</option>
        <option value="DUPLICATE">重复事项</option>
      </select>
      ${reason('终止原因')}<button type="submit" class="btn btn-danger">终止办理</button>`,
    done: '事项已终止。'
  },
  urge: {
    form: () => `<h4>催办</h4>
      <p class="help-block">立即通知办理单位；同一事项两次催办之间须间隔一段时间。</p>
      <input type="text" class="form-control" name="note" maxlength="200" aria-label="催办说明" placeholder="催办说明（可不填）">
      <button type="submit" class="btn btn-default">催办</button>`,
    done: '已催办，办理单位已收到通知。'
  }
};

/** The operations offered on each kind of task; the server still decides who may use them. */
const OPERATIONS_OF_TASK = {
  Task_HandleMatter: ['pause', 'extension', 'transfer', 'termination'],
  Task_SuperviseMatter: ['urge', 'transfer', 'termination']
};

const operations = {
  id: 'daiban-task-operations',
  pluginPoint: 'tasklist.task.detail',
  priority: -20,
  properties: { label: '时限操作' },
  render: (node, { taskId, api }) => {
    node.innerHTML = '<p>正在读取事项…</p>';
    getJson(ENGINE + '/task/' + encodeURIComponent(taskId))
      .then(async (task) => {
        const kinds = OPERATIONS_OF_TASK[task.taskDefinitionKey];
        const m = kinds && (await getJson(API + '?processInstanceId=' + encodeURIComponent(task.processInstanceId)))[0];
        if (!m) {
          node.innerHTML = '<p>此任务没有时限操作。</p>';
          return;
        }
        node.innerHTML = `<p>事项 <strong>${escapeHtml(m.matterNo)}</strong>，承诺办结时间 ${escapeHtml(m.dueText || '（待定）')}
            <span class="${m.overdue ? 'daiban-due late' : 'daiban-due'}">${escapeHtml(m.timeLeft || '')}</span></p>
          <div class="operation-result" role="status"></div>`
          + kinds.map((kind) => `<form class="daiban-operation" data-kind="${kind}">${OPERATIONS[kind].form(m)}</form>`).join('');
        const result = node.querySelector('.operation-result');
        node.querySelectorAll('form.daiban-operation').forEach((form) => form.addEventListener('submit', async (event) => {
          event.preventDefault();
          const kind = form.dataset.kind;
          const body = {};
          new FormData(form).forEach((value, key) => {
            if (value !== '') {
              body[key] = key === 'workingDays' ? Number(value) : value;
            }
          });
          try {
            await postJson(api, API + '/' + encodeURIComponent(m.matterNo) + '/' + kind, body);
            result.className = 'operation-result daiban-ok';
            result.textContent = OPERATIONS[kind].done;
            node.querySelectorAll('form.daiban-operation button').forEach((b) => { b.disabled = kind !== 'urge'; });
          } catch (e) {
            result.className = 'operation-result daiban-warning';
            result.textContent = e.message;
          }
        }));
      })
      .catch((e) => {
        node.innerHTML = `<p>${escapeHtml(e.message)}</p>`;
      });
  }
};

export default [header, card, detail, operations];
