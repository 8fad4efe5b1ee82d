/*
 * Daiban: the supervision office's workspace inside Cockpit. A block on Cockpit's dashboard, a page of its own
 * (督查工作台), a list of the matters behind any figure, and a matter's whole story, closed matters included, from the
 * domain endpoints under /api/dashboard (read with the Cockpit login). Charts from the bundled chart.js.
 */
const ZONE = 'Asia/Shanghai';
const PAGE = '/daiban-supervision';
const MATTERS = '/daiban-matters';
const STORY = '/daiban-matter';

const RATES = [
  {key: 'onTimeRate', label: '按时办结率', color: '#1f77b4', lower: 'late', lowerLabel: '超时办结'},
  {key: 'resolutionRate', label: '办结率', color: '#2ca02c', lower: 'unresolved', lowerLabel: '未办结'},
  {key: 'satisfactionRate', label: '满意率', color: '#ff7f0e', lower: 'unsatisfied', lowerLabel: '不满意'}
];

const EVENT_LABELS = {
  URGED: '督办',
  EXTENSION_REQUESTED: '申请延期',
  EXTENSION_APPROVED: '批准延期',
  PAUSED: '暂停计时'
};

let chartModule;

function chartLibrary() {
  if (!chartModule) {
    chartModule = import('./chart.js')
      .then(m => {
        m.Chart.register(...m.registerables);
        return m.Chart;
      })
      .catch(() => null);
  }
  return chartModule;
}

function escape(value) {
  return String(value === null || value === undefined ? '' : value).replace(/[&<>"']/g, c => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
  })[c]);
}

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false
});

function at(value) {
  return value ? TIME.format(new Date(value)).replace(/\//g, '-') : '';
}

function pct(value) {
  return value === null || value === undefined ? '—' : value.toFixed(2).replace(/\.?0+$/, '') + '%';
}

/** Our API sits beside the webapps, at the application's root. */
function apiBase() {
  const path = window.location.pathname;
  const i = path.indexOf('/camunda/app/');
  return i >= 0 ? path.substring(0, i) : '';
}

async function getJson(api, path) {
  const response = await fetch(apiBase() + path, {
    credentials: 'same-origin',
    headers: {'Accept': 'application/json', 'X-XSRF-TOKEN': (api && api.CSRFToken) || ''}
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.message || ('请求失败（' + response.status + '）'));
  }
  return body;
}

function mattersHref(apiPath) {
  return '#' + MATTERS + '?q=' + encodeURIComponent(apiPath);
}

function storyHref(matterNo) {
  return '#' + STORY + '?no=' + encodeURIComponent(matterNo);
}

function hashParams() {
  const hash = window.location.hash || '';
  const i = hash.indexOf('?');
  return new URLSearchParams(i >= 0 ? hash.substring(i + 1) : '');
}

function figureLink(figure, text) {
  return '<a class="daiban-figure" href="' + mattersHref(figure.matters) + '">' + escape(text === undefined ? figure.count : text) + '</a>';
}

function style() {
  if (document.getElementById('daiban-supervision-style')) {
    return;
  }
  const css = document.createElement('style');
  css.id = 'daiban-supervision-style';
  css.textContent = `
    .daiban-ws { padding: 10px 15px; }
    .daiban-ws h2 { margin: 10px 0 15px; font-size: 22px; }
    .daiban-ws h3 { margin: 25px 0 10px; font-size: 17px; }
    .daiban-cards { display: flex; gap: 15px; flex-wrap: wrap; }
    .daiban-card { border: 1px solid #ddd; border-radius: 4px; padding: 12px 18px; min-width: 150px; background: #fff; }
    .daiban-card .daiban-figure { font-size: 30px; font-weight: bold; display: block; }
    .daiban-card.warn .daiban-figure { color: #b5152b; }
    .daiban-charts { display: flex; gap: 20px; flex-wrap: wrap; }
    .daiban-chart { flex: 1 1 420px; max-width: 640px; height: 280px; position: relative; }
    .daiban-ws table { border-collapse: collapse; margin-bottom: 10px; background: #fff; }
    .daiban-ws th, .daiban-ws td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; }
    .daiban-ws th { background: #f5f5f5; }
    .daiban-ws td.num { text-align: right; }
    .daiban-ws .daiban-empty { color: #777; }
    .daiban-ws .daiban-error { color: #b5152b; }
    .daiban-ws dl { display: grid; grid-template-columns: max-content auto; gap: 4px 15px; }
    .daiban-ws dt { font-weight: normal; color: #555; }
    .daiban-ws dd { margin: 0; }
    .daiban-reports a { margin-right: 15px; }
  `;
  document.head.appendChild(css);
}

function table(headers, rows, empty) {
  if (!rows.length) {
    return '<p class="daiban-empty">' + escape(empty || '无记录') + '</p>';
  }
  return '<table><thead><tr>' + headers.map(h => '<th>' + escape(h) + '</th>').join('') + '</tr></thead><tbody>'
    + rows.map(r => '<tr>' + r.join('') + '</tr>').join('') + '</tbody></table>';
}

function td(html, numeric) {
  return '<td' + (numeric ? ' class="num"' : '') + '>' + html + '</td>';
}

async function rateChart(canvas, labels, rows, onPick, type) {
  const Chart = await chartLibrary();
  if (!Chart || !canvas.isConnected) {
    return;
  }
  return new Chart(canvas, {
    type,
    data: {
      labels,
      datasets: RATES.map(rate => ({
        label: rate.label,
        data: rows.map(r => r.rates[rate.key]),
        borderColor: rate.color,
        backgroundColor: rate.color,
        spanGaps: true
      }))
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {y: {min: 0, max: 100, ticks: {callback: v => v + '%'}}},
      plugins: {tooltip: {callbacks: {label: c => c.dataset.label + '：' + pct(c.raw)}}},
      onClick: (event, elements) => {
        if (elements.length) {
          onPick(elements[0].index, elements[0].datasetIndex);
        }
      }
    }
  });
}

async function countChart(canvas, labels, counts, color, onPick) {
  const Chart = await chartLibrary();
  if (!Chart || !canvas.isConnected) {
    return;
  }
  return new Chart(canvas, {
    type: 'bar',
    data: {labels, datasets: [{label: '条数', data: counts, backgroundColor: color}]},
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: 'y',
      plugins: {legend: {display: false}},
      scales: {x: {beginAtZero: true, ticks: {precision: 0}}},
      onClick: (event, elements) => {
        if (elements.length) {
          onPick(elements[0].index);
        }
      }
    }
  });
}

function go(href) {
  window.location.hash = href.substring(1);
}

function cards(board) {
  return '<div class="daiban-cards">'
    + '<div class="daiban-card warn" id="daiban-overdue">已超时' + figureLink(board.overdue) + '</div>'
    + '<div class="daiban-card" id="daiban-due-today">今日到期' + figureLink(board.dueToday) + '</div>'
    + '<div class="daiban-card" id="daiban-paused">暂停计时' + figureLink(board.paused) + '</div>'
    + RATES.map(rate => '<div class="daiban-card">' + rate.label + '（近12个月）'
      + '<a class="daiban-figure" href="' + mattersHref(board.rates[rate.lower]) + '" title="' + rate.lowerLabel + '事项">'
      + pct(board.rates[rate.key]) + '</a></div>').join('')
    + '</div>';
}

function townshipSelector(board, selected) {
  if (board.townships.length < 2) {
    return '';
  }
  return '<label>乡镇：<select id="daiban-township"><option value="">全部乡镇</option>'
    + board.townships.map(t => '<option value="' + escape(t.code) + '"' + (t.code === selected ? ' selected' : '') + '>'
      + escape(t.name) + '</option>').join('')
    + '</select></label>';
}

async function renderWorkspace(node, api, compact) {
  style();
  const selected = hashParams().get('township') || '';
  node.innerHTML = '<div class="daiban-ws"><p>正在加载督查工作台…</p></div>';
  let board;
  try {
    board = await getJson(api, '/api/dashboard' + (selected ? '?township=' + encodeURIComponent(selected) : ''));
  } catch (e) {
    node.innerHTML = '<div class="daiban-ws"><p class="daiban-error">督查工作台：' + escape(e.message) + '</p></div>';
    return;
  }
  const title = board.township
    ? board.townships.filter(t => t.code === board.township).map(t => t.name)[0] : '全部乡镇';
  let html = '<div class="daiban-ws">'
    + '<h2>督查工作台 · ' + escape(title) + ' <small>截至 ' + at(board.asOf) + '</small></h2>'
    + townshipSelector(board, selected)
    + cards(board)
    + '<div class="daiban-charts">'
    + '<div><h3>三率按月（' + escape(board.months) + '）</h3><div class="daiban-chart"><canvas id="daiban-monthly"></canvas></div></div>'
    + '<div><h3>三率按村（近12个月）</h3><div class="daiban-chart"><canvas id="daiban-villages"></canvas></div></div>'
    + '</div>';
  if (compact) {
    html += '<p><a href="#' + PAGE + '">打开督查工作台：各村明细、负面清单、督办与延期、报表 »</a></p></div>';
    node.innerHTML = html;
  } else {
    html += '<h3>各村情况</h3>'
      + table(['村', '已超时', '今日到期', '暂停计时', '受理（近12个月）', '按时办结率', '办结率', '满意率'],
        board.villages.map(v => [
          td(escape(v.name)), td(figureLink(v.overdue), true), td(figureLink(v.dueToday), true), td(figureLink(v.paused), true),
          td('<a href="' + mattersHref(v.rates.matters) + '">' + v.rates.accepted + '</a>', true),
          ...RATES.map(rate => td('<a href="' + mattersHref(v.rates[rate.lower]) + '" title="' + rate.lowerLabel + '事项">'
            + pct(v.rates[rate.key]) + '</a>', true))
        ]))
      + '<h3>各月三率</h3>'
      + table(['月份', '受理', '按时办结率', '办结率', '满意率'],
        board.monthly.map(m => [
          td(escape(m.month)), td('<a href="' + mattersHref(m.rates.matters) + '">' + m.rates.accepted + '</a>', true),
          ...RATES.map(rate => td('<a href="' + mattersHref(m.rates[rate.lower]) + '">' + pct(m.rates[rate.key]) + '</a>', true))
        ]))
      + '<h3>各村按月按时办结率</h3>' + villageMonthTable(board)
      + '<h3>负面清单（' + board.year + ' 年，未撤销）</h3>'
      + '<div class="daiban-charts"><div>按原因' + table(['原因', '条数'], board.negativeByReason.map(r => [
        td(escape(r.label)), td(figureLink(r), true)]))
      + '<div class="daiban-chart" style="height:180px"><canvas id="daiban-reasons"></canvas></div></div>'
      + '<div>按责任单位' + table(['责任单位', '条数'], board.negativeByUnit.map(u => [
        td(escape(u.label)), td(figureLink(u), true)])) + '</div></div>'
      + '<h3>督办与延期最多的单位（' + board.year + ' 年）</h3>'
      + table(['单位', ...Object.values(EVENT_LABELS), '合计'], board.unitEvents.map(u => [
        td(escape(u.label)), ...Object.keys(EVENT_LABELS).map(k => td(figureLink(u.kinds[k]), true)), td(String(u.total), true)]))
      + '<h3>报表</h3><p class="daiban-reports">'
      + '代办事项服务登记表（本月）：' + board.villages.map((v, i) => '<a target="_blank"' + (i === 0 ? ' id="daiban-report-ledger"' : '')
        + ' href="' + apiBase() + escape(board.reports.ledger.replace(/village=[^&]*/, 'village=' + encodeURIComponent(v.code)))
        + '">' + escape(v.name) + '</a>').join('') + '<br>'
      + '<a target="_blank" id="daiban-report-negative" href="' + apiBase() + escape(board.reports.negativeList) + '">负面清单</a>'
      + '<a target="_blank" id="daiban-report-inspection" href="' + apiBase() + escape(board.reports.inspection) + '">月度检查</a>'
      + '<a target="_blank" id="daiban-report-assessment" href="' + apiBase() + escape(board.reports.assessment) + '">年度考核</a>'
      + '</p></div>';
    node.innerHTML = html;
  }
  const select = node.querySelector('#daiban-township');
  if (select) {
    select.addEventListener('change', () => {
      const params = hashParams();
      params.set('township', select.value);
      const path = (window.location.hash || '#/').split('?')[0];
      window.location.hash = path.substring(1) + '?' + params.toString();
      renderWorkspace(node, api, compact);
    });
  }
  rateChart(node.querySelector('#daiban-monthly'), board.monthly.map(m => m.month), board.monthly,
    (i, d) => go(mattersHref(board.monthly[i].rates[RATES[d].lower])), 'line');
  rateChart(node.querySelector('#daiban-villages'), board.villages.map(v => v.name), board.villages,
    (i, d) => go(mattersHref(board.villages[i].rates[RATES[d].lower])), 'bar');
  const reasons = node.querySelector('#daiban-reasons');
  if (reasons && board.negativeByReason.length) {
    countChart(reasons, board.negativeByReason.map(r => r.label), board.negativeByReason.map(r => r.count), '#b5152b',
      i => go(mattersHref(board.negativeByReason[i].matters)));
  }
}

function villageMonthTable(board) {
  const months = board.monthly.map(m => m.month);
  const rows = board.villages.map(v => [td(escape(v.name)), ...months.map(month => {
    const cell = board.villageMonthly.find(c => c.village === v.code && c.month === month);
    return td(cell && cell.rates.accepted ? '<a href="' + mattersHref(cell.rates.matters) + '" title="受理 '
      + cell.rates.accepted + ' 件">' + pct(cell.rates.onTimeRate) + '</a>' : '<span class="daiban-empty">—</span>', true);
  })]);
  return table(['村', ...months.map(m => m.substring(2))], rows);
}

async function renderMatters(node, api) {
  style();
  const query = hashParams().get('q') || '';
  node.innerHTML = '<div class="daiban-ws"><p>正在加载…</p></div>';
  if (!query.startsWith('/api/dashboard/matters?')) {
    node.innerHTML = '<div class="daiban-ws"><p class="daiban-error">缺少要列出的数字。<a href="#' + PAGE + '">返回督查工作台</a></p></div>';
    return;
  }
  try {
    const list = await getJson(api, query);
    node.innerHTML = '<div class="daiban-ws"><p><a href="#' + PAGE + '">« 督查工作台</a></p>'
      + '<h2 id="daiban-matters-title">' + escape(list.title) + '（' + list.total + ' 件'
      + (list.truncated ? '，显示最近 ' + list.matters.length + ' 件' : '') + '）</h2>'
      + table(['事项编号', '村', '服务事项', '委托人', '联系电话', '受理时间', '承诺时限', '状态', '办理单位'],
        list.matters.map(m => [
          td('<a class="daiban-matter" href="' + storyHref(m.matterNo) + '">' + escape(m.matterNo) + '</a>'),
          td(escape(m.villageName)), td(escape(m.serviceItem)), td(escape(m.residentName)), td(escape(m.residentPhone)),
          td(at(m.acceptedAt)), td(at(m.dueAt)), td(escape(m.statusLabel)), td(escape(m.handlingUnit))
        ]))
      + '</div>';
  } catch (e) {
    node.innerHTML = '<div class="daiban-ws"><p class="daiban-error">' + escape(e.message) + '</p></div>';
  }
}

function storyHtml(story, withBackLink) {
  const m = story.matter;
  const rows = [
    ['事项编号', m.matterNo], ['状态', m.statusLabel], ['村', m.village], ['服务事项', m.serviceItem],
    ['受理方式', m.channel], ['委托人', m.residentName], ['联系电话', m.residentPhone], ['事项内容', m.description],
    ['代办员', m.agent + (m.agentPhone ? ' ' + m.agentPhone : '')], ['办理单位', m.handlingUnit],
    ['承办人', m.handlerId], ['办理时限', m.timeLimit], ['受理时间', at(m.acceptedAt)], ['承诺办结', at(m.dueAt)],
    ['办结时间', at(m.completedAt)], ['是否按时', m.onTime], ['答复', m.reply], ['签字确认', at(m.signedOffAt)],
    ['评价', m.rating ? m.rating + ' 星 ' + m.satisfaction : ''], ['退回重办', m.reworkCount ? m.reworkCount + ' 次' : ''],
    ['撤回原因', m.withdrawalReason], ['归档时间', at(m.closedAt)]
  ].filter(r => r[1] !== null && r[1] !== undefined && r[1] !== '');
  return '<div class="daiban-ws">'
    + (withBackLink ? '<p><a href="javascript:history.back()">« 返回</a></p>' : '')
    + '<h2 id="daiban-story-title">事项经过 · ' + escape(m.matterNo) + '</h2>'
    + (m.processInstanceId && withBackLink
      ? '<p><a href="#/process-instance/' + encodeURIComponent(m.processInstanceId) + '/runtime">在流程监控中查看运行中的流程</a></p>' : '')
    + '<h3>登记表</h3><dl>' + rows.map(r => '<dt>' + escape(r[0]) + '</dt><dd>' + escape(r[1]) + '</dd>').join('') + '</dl>'
    + '<h3>办理经过</h3>' + table(['时间', '环节', '经办人', '说明'],
      story.timeline.map(s => [td(at(s.occurredAt)), td(escape(s.label)), td(escape(s.actor)), td(escape(s.detail))]))
    + '<h3>负面清单</h3>' + table(['记录时间', '原因', '责任单位', '说明', '复核状态', '复核人', '复核理由'],
      story.negativeList.map(n => [td(at(n.recordedAt)), td(escape(n.reason)), td(escape(n.responsibleUnit)),
        td(escape(n.detail)), td(escape(n.status)), td(escape(n.reviewedBy)), td(escape(n.reviewNote))]))
    + '<h3>通知</h3>' + table(['发送时间', '方式', '收件人', '标题'],
      story.notices.map(n => [td(at(n.sentAt)), td(escape(n.channel)), td(escape(n.recipient)), td(escape(n.subject))]))
    + '</div>';
}

async function renderStory(node, api, query, withBackLink) {
  style();
  node.innerHTML = '<div class="daiban-ws"><p>正在加载事项经过…</p></div>';
  try {
    node.innerHTML = storyHtml(await getJson(api, '/api/dashboard/story?' + query), withBackLink);
  } catch (e) {
    node.innerHTML = '<div class="daiban-ws"><p class="daiban-error">' + escape(e.message) + '</p></div>';
  }
}

export default [
  {
    id: 'daiban.supervision.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node, {api}) => renderWorkspace(node, api, true)
  },
  {
    id: 'daiban.supervision.page',
    pluginPoint: 'cockpit.route',
    properties: {path: PAGE},
    render: (node, {api}) => renderWorkspace(node, api, false)
  },
  {
    id: 'daiban.supervision.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: {path: PAGE},
    render: node => {
      node.innerHTML = '<a href="#' + PAGE + '">督查工作台</a>';
    }
  },
  {
    id: 'daiban.supervision.matters',
    pluginPoint: 'cockpit.route',
    properties: {path: MATTERS},
    render: (node, {api}) => renderMatters(node, api)
  },
  {
    id: 'daiban.supervision.story',
    pluginPoint: 'cockpit.route',
    properties: {path: STORY},
    render: (node, {api}) => renderStory(node, api, 'matterNo=' + encodeURIComponent(hashParams().get('no') || ''), true)
  },
  {
    id: 'daiban.supervision.instance-story',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 100,
    properties: {label: '事项经过'},
    render: (node, {api, processInstanceId}) =>
      renderStory(node, api, 'processInstanceId=' + encodeURIComponent(processInstanceId), false)
  }
];
