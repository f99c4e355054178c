// The live view's page: the run so far arrives first ("catchup"), then one "tick" a second, over server-sent events.
(function () {
  'use strict';

  var points = [];
  var state = null;
  var charts = {};

  function byId(id) { return document.getElementById(id); }
  function text(id, value) { byId(id).textContent = value; }
  function seconds(s) {
    if (s === null || s === undefined) { return '-'; }
    var whole = Math.round(s);
    return Math.floor(whole / 60) + ':' + String(whole % 60).padStart(2, '0');
  }

  function width(id) { return Math.max(300, byId(id).parentElement.clientWidth - 10); }

  // vertical lines where the stages start, with their users
  function stageMarkers(u) {
    if (!state) { return; }
    var ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = '#999';
    ctx.fillStyle = '#555';
    ctx.setLineDash([4, 4]);
    ctx.font = (10 * devicePixelRatio) + 'px sans-serif';
    state.stages.forEach(function (stage) {
      var x = u.valToPos(stage.at_s, 'x', true);
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.fillText(stage.users + ' users', x + 3, u.bbox.top + 12 * devicePixelRatio);
    });
    ctx.restore();
  }

  function chart(id, series, hooks) {
    var opts = {
      width: width(id), height: 200,
      scales: { x: { time: false } },
      axes: [{ label: 's' }, {}],
      series: [{ label: 's' }].concat(series),
      hooks: hooks || {}
    };
    var empty = [[]].concat(series.map(function () { return []; }));
    return new uPlot(opts, empty, byId(id));
  }

  function setUp() {
    charts.users = chart('chart-users', [
      { label: 'users', stroke: '#1f77b4', width: 2 },
      { label: 'planned', stroke: '#ff7f0e', dash: [6, 4], spanGaps: true }
    ], { draw: [stageMarkers] });
    charts.rates = chart('chart-rates', [
      { label: 'requests/s', stroke: '#2ca02c' },
      { label: 'failures/s', stroke: '#d62728' }
    ]);
    charts.p95 = chart('chart-p95', [{ label: 'p95 ms', stroke: '#9467bd' }]);
    window.addEventListener('resize', function () {
      Object.keys(charts).forEach(function (name) {
        var id = 'chart-' + name;
        charts[name].setSize({ width: width(id), height: 200 });
      });
    });
  }

  function drawCharts() {
    var xs = points.map(function (p) { return p.t; });
    var users = points.map(function (p) { return p.users; });
    var planned = points.map(function (p) { return p.planned; });
    // the plan ahead of now: its corners after the last point
    var last = xs.length ? xs[xs.length - 1] : 0;
    if (state) {
      state.plan_corners.forEach(function (corner) {
        if (corner[0] > last) {
          xs.push(corner[0]);
          users.push(null);
          planned.push(corner[1]);
          last = corner[0];
        }
      });
    }
    charts.users.setData([xs, users, planned]);
    var t = points.map(function (p) { return p.t; });
    charts.rates.setData([t, points.map(function (p) { return p.rps; }), points.map(function (p) { return p.fps; })]);
    charts.p95.setData([t, points.map(function (p) { return p.p95; })]);
  }

  function row(cells) {
    var tr = document.createElement('tr');
    cells.forEach(function (cell) {
      var td = document.createElement('td');
      td.textContent = cell;
      tr.appendChild(td);
    });
    return tr;
  }

  function drawState() {
    var s = state;
    text('run-state', s.ended ? 'ended' : 'running');
    byId('run-state').className = s.ended ? 'ended' : '';
    text('elapsed', seconds(s.elapsed_s));
    text('time-left', s.time_left_s === null ? '-' : seconds(s.time_left_s));
    text('users-now', s.users);
    var lastPoint = points.length ? points[points.length - 1] : null;
    text('planned-now', lastPoint && lastPoint.planned !== null ? Math.round(lastPoint.planned) : '-');
    text('samples', s.samples);
    text('errors', s.errors);
    text('funnel-attempted', s.funnel.attempted);
    text('funnel-created', s.funnel.created);
    text('funnel-failed', s.funnel.failed);
    text('funnel-unknown', s.funnel.unknown);
    text('funnel-success', s.funnel.success_rate === null ? '-' : s.funnel.success_rate.toFixed(1) + ' %');

    var list = byId('thresholds');
    list.textContent = '';
    if (!s.has_thresholds) {
      var none = document.createElement('li');
      none.textContent = 'no order summary in this run: no thresholds';
      list.appendChild(none);
    }
    s.thresholds.forEach(function (threshold) {
      var li = document.createElement('li');
      li.className = threshold.passed ? 'passed' : 'failed';
      li.textContent = threshold.text;
      list.appendChild(li);
    });

    var labels = byId('labels');
    labels.textContent = '';
    s.labels.forEach(function (l) {
      labels.appendChild(row([l.label, l.count, l.errors, l.interval_count, l.interval_p50, l.interval_p95,
        l.interval_p99, l.run_p50, l.run_p95, l.run_p99]));
    });

    var engines = byId('engines');
    engines.textContent = '';
    s.engines.forEach(function (e) {
      engines.appendChild(row([e.host, e.state, e.users, e.samples]));
    });
  }

  function connect() {
    var events = new EventSource('events');
    events.addEventListener('catchup', function (message) {
      var data = JSON.parse(message.data);
      points = data.points;
      state = data.state;
      drawCharts();
      drawState();
      if (state.ended) {
        events.close();
      }
    });
    events.addEventListener('tick', function (message) {
      var data = JSON.parse(message.data);
      var last = points.length ? points[points.length - 1].t : -1;
      if (data.point.t > last) {
        points.push(data.point);
      }
      state = data.state;
      drawCharts();
      drawState();
      if (state.ended) {
        // the run is over: the page keeps its last figures and stops asking for more
        events.close();
      }
    });
  }

  setUp();
  connect();
}());
