// 村民直通车: the residents' page. Everything the server sends is shown with textContent, never as markup.
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var current = null; // {matterNo, phoneLast4} of the matter on screen

  function post(path, body) {
    return fetch('/api/public/' + path, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', 'X-Daiban-Resident': '1' },
      body: JSON.stringify(body)
    }).then(answer);
  }

  function get(path) {
    return fetch('/api/public/' + path, { credentials: 'omit' }).then(answer);
  }

  function answer(response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      if (!response.ok) {
        var error = new Error(body.message || '网络不畅，请稍后再试');
        error.status = response.status;
        throw error;
      }
      return body;
    });
  }

  function say(id, text, ok) {
    var el = $(id);
    el.textContent = text || '';
    el.className = 'message' + (ok ? ' ok' : '');
  }

  function fail(id) {
    return function (error) { say(id, error.message || '网络不畅，请稍后再试'); };
  }

  var TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

  function when(iso) {
    if (!iso) { return '—'; }
    var p = {};
    TIME.formatToParts(new Date(iso)).forEach(function (part) { p[part.type] = part.value; });
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }

  function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }

  function add(parent, tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) { el.textContent = text; }
    if (className) { el.className = className; }
    parent.appendChild(el);
    return el;
  }

  function phoneLink(parent, phone) {
    if (!phone) { return; }
    var a = add(parent, 'a', phone);
    a.href = 'tel:' + phone.replace(/[^0-9+]/g, '');
  }

  function steps(list, items) {
    clear(list);
    items.forEach(function (step) {
      var li = add(list, 'li');
      add(li, 'time', when(step.at));
      add(li, 'span', step.text);
    });
  }

  // ---- tabs

  function show(tab) {
    ['lookup', 'complaint', 'board'].forEach(function (name) {
      $(name).hidden = name !== tab;
      $('tab-' + name).className = 'tab' + (name === tab ? ' active' : '');
    });
    if (tab === 'board' || tab === 'complaint') { loadVillages(); }
  }

  function route() {
    var tab = (location.hash || '#lookup').substring(1);
    show(['lookup', 'complaint', 'board'].indexOf(tab) >= 0 ? tab : 'lookup');
  }

  // ---- look-up

  function lookUp(event) {
    if (event) { event.preventDefault(); }
    var no = $('lookup-no').value.trim().toUpperCase();
    var last4 = $('lookup-last4').value.trim();
    say('lookup-message', '');
    $('matter').hidden = true;
    $('complaint-view').hidden = true;
    if (!no) { say('lookup-message', '请填写事项编号或投诉编号'); return; }
    if (!/^\d{4}$/.test(last4)) { say('lookup-message', '请填写手机号后4位数字'); return; }
    $('lookup-submit').disabled = true;
    var done = function () { $('lookup-submit').disabled = false; };
    if (no.indexOf('TS-') === 0) {
      post('complaints/lookup', { complaintNo: no, phoneLast4: last4 }).then(showComplaint)
        .catch(fail('lookup-message')).then(done);
    } else {
      post('matters/lookup', { matterNo: no, phoneLast4: last4 }).then(function (matter) {
        current = { matterNo: matter.matterNo, phoneLast4: last4 };
        showMatter(matter);
      }).catch(fail('lookup-message')).then(done);
    }
  }

  function showMatter(m) {
    $('matter-item').textContent = m.serviceItem;
    $('matter-status').textContent = m.statusLabel;
    $('matter-no').textContent = m.matterNo;
    $('matter-unit').textContent = m.unit || '—';
    $('matter-due').textContent = m.dueAt ? when(m.dueAt) + ' 前' : '—';
    var agent = $('matter-agent');
    clear(agent);
    add(agent, 'span', (m.agent && m.agent.name ? m.agent.name : '') + ' ');
    phoneLink(agent, m.agent && m.agent.phone);
    steps($('matter-timeline'), m.timeline || []);
    $('sign-off').hidden = !m.awaitingSignOff;
    $('sign-off-last4').textContent = current ? current.phoneLast4 : '';
    say('code-message', '');
    say('sign-off-message', '');
    $('matter').hidden = false;
  }

  function showComplaint(c) {
    $('complaint-view-no').textContent = c.complaintNo;
    $('complaint-view-status').textContent = c.statusLabel;
    $('complaint-view-village').textContent = c.village;
    $('complaint-view-due').textContent = c.verificationDueAt ? when(c.verificationDueAt) + ' 前' : '—';
    steps($('complaint-view-steps'), c.timeline || []);
    $('complaint-view').hidden = false;
  }

  // ---- sign-off

  function countdown(button, seconds) {
    button.disabled = true;
    var label = button.textContent;
    var left = seconds;
    var tick = setInterval(function () {
      left -= 1;
      button.textContent = left > 0 ? '重新获取（' + left + ' 秒）' : label;
      if (left <= 0) { clearInterval(tick); button.disabled = false; }
    }, 1000);
  }

  function askSignOffCode() {
    if (!current) { return; }
    say('code-message', '');
    post('matters/sign-off-code', current).then(function (sent) {
      say('code-message', '验证码已发送到' + sent.sentTo + '的手机，' + sent.validMinutes + '分钟内有效', true);
      countdown($('code-button'), 60);
    }).catch(fail('code-message'));
  }

  function checked(name) {
    var el = document.querySelector('input[name="' + name + '"]:checked');
    return el ? el.value : null;
  }

  function paintStars() {
    var rating = Number(checked('rating') || 0);
    var labels = $('stars').querySelectorAll('label');
    for (var i = 0; i < labels.length; i++) { labels[i].className = i < rating ? 'on' : ''; }
    var words = ['请点星星评价', '1 星 非常不满意', '2 星 不满意', '3 星 一般', '4 星 满意', '5 星 非常满意'];
    $('stars-label').textContent = words[rating];
  }

  function signOff(event) {
    event.preventDefault();
    if (!current) { return; }
    var code = $('sign-off-code').value.trim();
    var confirmed = checked('confirmed');
    var rating = checked('rating');
    if (!/^\d{6}$/.test(code)) { say('sign-off-message', '请填写6位短信验证码'); return; }
    if (confirmed === null) { say('sign-off-message', '请选择是否认可办理结果'); return; }
    if (rating === null) { say('sign-off-message', '请点星星评价（1–5 星）'); return; }
    $('sign-off-submit').disabled = true;
    post('matters/sign-off', { matterNo: current.matterNo, phoneLast4: current.phoneLast4, code: code,
      confirmed: confirmed === 'true', rating: Number(rating), comment: $('sign-off-comment').value.trim() || null })
      .then(function (result) {
        $('sign-off-form').reset();
        paintStars();
        return post('matters/lookup', current).then(function (matter) {
          showMatter(matter);
          say('lookup-message', result.message, true);
        });
      })
      .catch(fail('sign-off-message'))
      .then(function () { $('sign-off-submit').disabled = false; });
  }

  // ---- complaint

  function askComplaintCode() {
    var phone = $('complaint-phone').value.trim();
    if (!/^1[3-9]\d{9}$/.test(phone)) { say('complaint-code-message', '请填写11位手机号'); return; }
    post('complaints/code', { phone: phone }).then(function (sent) {
      say('complaint-code-message', '验证码已发送到' + sent.sentTo + '的手机，' + sent.validMinutes + '分钟内有效', true);
      countdown($('complaint-code-button'), 60);
    }).catch(fail('complaint-code-message'));
  }

  function complain(event) {
    event.preventDefault();
    var body = {
      name: $('complaint-name').value.trim(), phone: $('complaint-phone').value.trim(),
      code: $('complaint-code').value.trim(), villageCode: $('complaint-village').value,
      matterNo: $('complaint-matter').value.trim().toUpperCase() || null, content: $('complaint-content').value.trim()
    };
    if (!body.name) { say('complaint-message', '请填写您的姓名'); return; }
    if (!/^1[3-9]\d{9}$/.test(body.phone)) { say('complaint-message', '请填写11位手机号'); return; }
    if (!/^\d{6}$/.test(body.code)) { say('complaint-message', '请填写6位短信验证码'); return; }
    if (!body.villageCode) { say('complaint-message', '请选择您所在的村'); return; }
    if (!body.content) { say('complaint-message', '请填写投诉内容'); return; }
    $('complaint-submit').disabled = true;
    post('complaints', body).then(function (filed) {
      $('complaint-form').reset();
      say('complaint-message', filed.message + '。投诉编号 ' + filed.complaintNo + '，可在「查进度」用它和手机号后4位查询。', true);
      $('lookup-no').value = filed.complaintNo;
      $('lookup-last4').value = body.phone.substring(7);
    }).catch(fail('complaint-message')).then(function () { $('complaint-submit').disabled = false; });
  }

  // ---- notice board

  var villagesLoaded = false;
  var guideItems = [];

  function loadVillages() {
    if (villagesLoaded) { return; }
    villagesLoaded = true;
    get('notice-board').then(function (board) {
      ['complaint-village', 'board-village'].forEach(function (id) {
        var select = $(id);
        board.villages.forEach(function (v) {
          var option = add(select, 'option', v.name);
          option.value = v.code;
        });
      });
      guideItems = board.guide || [];
      showGuide();
    }).catch(function (error) { villagesLoaded = false; $('guide-count').textContent = error.message; });
  }

  function showBoard() {
    var code = $('board-village').value;
    if (!code) { $('board-village-info').hidden = true; return; }
    get('notice-board?village=' + encodeURIComponent(code)).then(function (board) {
      var agents = $('board-agents');
      clear(agents);
      board.agents.forEach(function (a) {
        var li = add(agents, 'li');
        add(li, 'span', (a.post ? a.post + ' 岗 ' : '') + a.name + '：');
        phoneLink(li, a.phone);
      });
      if (!board.agents.length) { add(agents, 'li', '暂无登记的代办员'); }
      $('board-township-name').textContent = board.township.name + ' 窗口';
      $('board-hours').textContent = board.township.officeHours ? '办公时间：' + board.township.officeHours : '';
      var windows = $('board-windows');
      clear(windows);
      board.township.windows.forEach(function (w) {
        var li = add(windows, 'li');
        add(li, 'span', w.name + '：');
        phoneLink(li, w.phone);
      });
      var center = $('board-center-phone');
      center.textContent = board.township.centerPhone || '—';
      center.href = 'tel:' + (board.township.centerPhone || '').replace(/[^0-9+]/g, '');
      var hotline = $('board-hotline');
      hotline.textContent = board.township.supervisionHotline || '—';
      hotline.href = 'tel:' + (board.township.supervisionHotline || '').replace(/[^0-9+]/g, '');
      $('board-village-info').hidden = false;
      guideItems = board.guide || guideItems;
      showGuide();
    }).catch(function (error) { $('guide-count').textContent = error.message; });
  }

  function showGuide() {
    var words = $('guide-search').value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var list = $('guide');
    clear(list);
    var shown = guideItems.filter(function (item) {
      var text = [item.name, item.category, item.department, item.materials, item.modeLabel, item.levelLabel, item.code]
        .join(' ').toLowerCase();
      return words.every(function (w) { return text.indexOf(w) >= 0; });
    });
    shown.forEach(function (item) {
      var li = add(list, 'li');
      add(li, 'b', item.name);
      add(li, 'small', item.category + ' · ' + item.levelLabel + ' · ' + item.modeLabel + ' · ' + item.department
        + (item.timeLimitWorkingDays ? ' · ' + item.timeLimitWorkingDays + ' 个工作日内办结' : ''));
      add(li, 'small', '材料：' + (item.materials || '—'));
    });
    $('guide-count').textContent = '共 ' + shown.length + ' 项';
  }

  // ---- start

  document.addEventListener('DOMContentLoaded', function () {
    $('lookup-form').addEventListener('submit', lookUp);
    $('code-button').addEventListener('click', askSignOffCode);
    $('sign-off-form').addEventListener('submit', signOff);
    $('stars').addEventListener('change', paintStars);
    $('complaint-code-button').addEventListener('click', askComplaintCode);
    $('complaint-form').addEventListener('submit', complain);
    $('board-village').addEventListener('change', showBoard);
    $('guide-search').addEventListener('input', showGuide);
    window.addEventListener('hashchange', route);
    var no = new URLSearchParams(location.search).get('no');
    if (no) { $('lookup-no').value = no; location.hash = '#lookup'; }
    route();
    if (no) { $('lookup-last4').focus(); }
  });
}());
