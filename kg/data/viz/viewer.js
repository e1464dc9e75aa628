/* The knowledge-graph viewer: draws the entity model embedded in the page with cytoscape.js.
   Data only ever reaches the DOM through textContent; labels on the canvas are drawn as text. */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('kg-data').textContent);
  var nodes = data.nodes, edges = data.edges, facts = data.facts;
  var preds = data.predicates, sentences = data.sentences, articles = data.articles;
  var types = data.types, view = data.view;
  var N = nodes.length;
  var LIST_MAX = 150;          // relations listed in the panel before "and N more"

  // ---- indices ------------------------------------------------------------
  var outE = [], inE = [], factsOf = [], adj = [], searchKey = [];
  for (var i = 0; i < N; i++) { outE.push([]); inE.push([]); factsOf.push([]); adj.push([]); }
  edges.forEach(function (e, j) {
    outE[e[0]].push(j); inE[e[1]].push(j);
    adj[e[0]].push(e[1]); adj[e[1]].push(e[0]);
  });
  facts.forEach(function (f, j) { factsOf[f[0]].push(j); });
  function fold(s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  nodes.forEach(function (n) { searchKey.push([fold(n[1])].concat(n[4].map(fold))); });
  function typeName(i) { return types[nodes[i][2]][0]; }
  function byDegree(a, b) { return nodes[b][5] - nodes[a][5] || a - b; }

  // ---- element helpers (never innerHTML) ----------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  var SVGNS = 'http://www.w3.org/2000/svg';
  var SHAPES = {
    ellipse: null, diamond: '7,1 13,7 7,13 1,7', triangle: '7,1 13,13 1,13',
    star: '7,1 8.8,5.2 13,5.5 9.8,8.4 10.8,13 7,10.5 3.2,13 4.2,8.4 1,5.5 5.2,5.2',
    'round-rectangle': null, hexagon: '4,1 10,1 13,7 10,13 4,13 1,7', rectangle: '1,2 13,2 13,12 1,12',
    tag: '1,2 9,2 13,7 9,12 1,12'
  };
  function swatch(shape, colour) {
    var svg = document.createElementNS(SVGNS, 'svg');
    svg.setAttribute('width', '14'); svg.setAttribute('height', '14'); svg.setAttribute('class', 'swatch');
    var s;
    if (shape === 'ellipse') {
      s = document.createElementNS(SVGNS, 'circle');
      s.setAttribute('cx', '7'); s.setAttribute('cy', '7'); s.setAttribute('r', '6');
    } else if (shape === 'round-rectangle') {
      s = document.createElementNS(SVGNS, 'rect');
      s.setAttribute('x', '1'); s.setAttribute('y', '2'); s.setAttribute('width', '12');
      s.setAttribute('height', '10'); s.setAttribute('rx', '3');
    } else {
      s = document.createElementNS(SVGNS, 'polygon');
      s.setAttribute('points', SHAPES[shape]);
    }
    s.setAttribute('fill', colour); s.setAttribute('stroke', '#333'); s.setAttribute('stroke-width', '0.8');
    svg.appendChild(s);
    return svg;
  }

  // ---- cytoscape ----------------------------------------------------------
  var style = [
    { selector: 'node', style: {
      'width': 'data(size)', 'height': 'data(size)', 'label': 'data(label)',
      'font-size': 13, 'color': '#111', 'text-valign': 'bottom', 'text-margin-y': 3,
      'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
      'text-max-width': 150, 'text-wrap': 'ellipsis', 'min-zoomed-font-size': 6,
      'border-width': 1, 'border-color': '#333' } },
    { selector: 'edge', style: {
      'width': 1.2, 'line-color': '#a9b2bd', 'curve-style': 'bezier',
      'target-arrow-shape': 'triangle', 'target-arrow-color': '#a9b2bd', 'arrow-scale': 0.8,
      'label': 'data(label)', 'font-size': 9, 'color': '#4a5361', 'text-rotation': 'autorotate',
      'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
      'min-zoomed-font-size': 7 } },
    { selector: '.hidden', style: { 'display': 'none' } },
    { selector: '.faded', style: { 'opacity': 0.45 } },
    { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#c0392b' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111', 'font-weight': 'bold' } },
    { selector: 'edge:selected', style: { 'line-color': '#333', 'target-arrow-color': '#333', 'width': 2.5 } }
  ];
  types.forEach(function (t) {
    style.push({ selector: 'node[type = "' + t[0] + '"]', style: { 'background-color': t[2], 'shape': t[3] } });
  });
  var big = N > view.drawLimit / 2;
  var cy = cytoscape({
    container: document.getElementById('graph'), elements: [], style: style,
    minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false, selectionType: 'single',
    textureOnViewport: big, hideEdgesOnViewport: big
  });

  // ---- state --------------------------------------------------------------
  var hiddenTypes = {};
  var current = { focus: null, shown: [] };
  var selected = null;
  var hopsSel = document.getElementById('hops');
  var statusEl = document.getElementById('status');
  var focusBtn = document.getElementById('focus-btn');
  var panel = document.getElementById('panel');
  hopsSel.value = String(view.hops);

  function ego(center, hops) {
    var dist = {}; dist[center] = 0;
    var order = [center], queue = [center];
    while (queue.length) {
      var here = queue.shift();
      if (dist[here] >= hops) continue;
      adj[here].slice().sort(byDegree).forEach(function (n) {
        if (dist[n] === undefined) { dist[n] = dist[here] + 1; order.push(n); queue.push(n); }
      });
    }
    return { order: order.slice(0, view.drawLimit), dist: dist, reached: order.length };
  }

  function draw(list, center, dist, reached) {
    var inView = {};
    list.forEach(function (i) { inView[i] = true; });
    var els = list.map(function (i) {
      var n = nodes[i];
      var label = n[1].length > 48 ? n[1].slice(0, 47) + '\u2026' : n[1];
      return { group: 'nodes', data: { id: 'n' + i, idx: i, label: label, type: typeName(i),
        size: Math.min(44, 16 + 5 * Math.log2(1 + n[5])) } };
    });
    edges.forEach(function (e, j) {
      if (inView[e[0]] && inView[e[1]]) {
        els.push({ group: 'edges', data: { id: 'e' + j, idx: j, source: 'n' + e[0], target: 'n' + e[1],
          label: preds[e[2]] } });
      }
    });
    cy.startBatch();
    cy.elements().remove();
    cy.add(els);
    if (center !== null) cy.getElementById('n' + center).addClass('focus');
    applyFilter();
    cy.endBatch();
    current = { focus: center, shown: list, reached: reached || list.length };
    layout(list, center, dist);
    updateStatus();
  }

  function layout(list, center, dist) {
    // Deterministic starting places (rings by hop from the focus, or a spiral by degree), then a
    // finite force-directed pass; the result is placed once and nothing moves afterwards.
    var n = list.length, x = new Float64Array(n), y = new Float64Array(n), at = {};
    var K = 90;
    list.forEach(function (i, k) { at[i] = k; });
    if (dist) {
      var rings = {};
      list.forEach(function (i, k) {
        var d = dist[i], ring = rings[d] || (rings[d] = []);
        ring.push(k);
      });
      Object.keys(rings).forEach(function (d) {
        var ring = rings[d];
        ring.forEach(function (k, m) {
          var a = 2 * Math.PI * m / ring.length + Number(d) * 0.7;
          x[k] = Number(d) * K * 1.5 * Math.cos(a); y[k] = Number(d) * K * 1.5 * Math.sin(a);
        });
      });
    } else {
      var order = list.map(function (i, k) { return k; }).sort(function (a, b) { return byDegree(list[a], list[b]); });
      order.forEach(function (k, m) {
        var r = K * 0.6 * Math.sqrt(m), a = m * 2.399963;
        x[k] = r * Math.cos(a); y[k] = r * Math.sin(a);
      });
    }
    var links = [], linked = new Uint8Array(n);
    edges.forEach(function (e) {
      var a = at[e[0]], b = at[e[1]];
      if (a !== undefined && b !== undefined && a !== b) { links.push(a, b); linked[a] = linked[b] = 1; }
    });
    // Entities without a relation in view are not simulated: they go in rows under the rest.
    var moving = [], alone = [];
    for (var k = 0; k < n; k++) (linked[k] || (dist && dist[list[k]] === 0) ? moving : alone).push(k);
    var mx = new Float64Array(moving.length), my = new Float64Array(moving.length), back = new Int32Array(n);
    moving.forEach(function (k, m) { mx[m] = x[k]; my[m] = y[k]; back[k] = m; });
    for (var l = 0; l < links.length; l++) links[l] = back[links[l]];
    var t0 = performance.now();
    force(mx, my, links, K);
    window.kgLayoutMs = performance.now() - t0;
    var left = Infinity, right = -Infinity, bottom = -Infinity;
    moving.forEach(function (k, m) {
      x[k] = mx[m]; y[k] = my[m];
      left = Math.min(left, x[k]); right = Math.max(right, x[k]); bottom = Math.max(bottom, y[k]);
    });
    if (!moving.length) { left = 0; right = K * 6; bottom = -K; }
    var gap = K * 1.8, perRow = Math.max(4, Math.floor((right - left) / gap) + 1);
    alone.forEach(function (k, m) {
      x[k] = left + (m % perRow) * gap; y[k] = bottom + K * (1 + 0.7 * Math.floor(m / perRow));
    });
    var positions = {};
    list.forEach(function (i, k) { positions['n' + i] = { x: x[k], y: y[k] }; });
    cy.nodes().positions(function (node) { return positions[node.id()]; });
    cy.fit(undefined, 30);
    if (cy.zoom() > 1.6) { cy.zoom(1.6); cy.center(); }
    settled();
  }

  function force(x, y, links, K) {
    // Fruchterman-Reingold plus gravity towards the centre (keeps components near), fixed steps.
    var n = x.length, dx = new Float64Array(n), dy = new Float64Array(n), GRAVITY = 0.8;
    var steps = n <= 150 ? 400 : n <= 500 ? 250 : 150;
    var temp = K * Math.sqrt(n) * 0.5, cool = Math.pow(0.02, 1 / steps), K2 = K * K;
    for (var s = 0; s < steps; s++) {
      dx.fill(0); dy.fill(0);
      for (var i = 0; i < n; i++) {
        var xi = x[i], yi = y[i];
        for (var j = i + 1; j < n; j++) {
          var ex = xi - x[j], ey = yi - y[j], d2 = ex * ex + ey * ey;
          if (d2 < 0.01) { ex = 0.1 * ((i * 7 + j) % 5 - 2); ey = 0.1; d2 = ex * ex + ey * ey; }
          var f = K2 / d2;
          dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
        }
        dx[i] -= GRAVITY * xi; dy[i] -= GRAVITY * yi;
      }
      for (var l = 0; l < links.length; l += 2) {
        var a = links[l], b = links[l + 1];
        var lx = x[a] - x[b], ly = y[a] - y[b], d = Math.sqrt(lx * lx + ly * ly) || 0.01;
        var g = d / K;
        dx[a] -= lx * g; dy[a] -= ly * g; dx[b] += lx * g; dy[b] += ly * g;
      }
      for (var m = 0; m < n; m++) {
        var len = Math.sqrt(dx[m] * dx[m] + dy[m] * dy[m]);
        if (len > 0) { var step = Math.min(len, temp) / len; x[m] += dx[m] * step; y[m] += dy[m] * step; }
      }
      temp *= cool;
    }
  }

  function settled() {
    if (selected !== null && cy.getElementById('n' + selected).length) {
      cy.getElementById('n' + selected).select();
    }
    if (!window.kgReady) {
      requestAnimationFrame(function () {
        window.kgReady = true;
        window.kgReadyAt = performance.now();
        document.body.setAttribute('data-ready', '1');
      });
    }
  }

  function applyFilter() {
    cy.nodes().forEach(function (n) { n.toggleClass('hidden', !!hiddenTypes[n.data('type')]); });
  }

  function updateStatus() {
    var shown = cy.nodes().filter(function (n) { return !n.hasClass('hidden'); }).length;
    var txt = 'Showing ' + shown + ' of ' + N + ' entities';
    if (current.focus !== null) {
      txt += ' \u2014 ' + hopsSel.value + '-hop neighbourhood of \u201c' + nodes[current.focus][1] + '\u201d';
      if (current.reached > current.shown.length) txt += ', nearest ' + current.shown.length + ' of ' + current.reached;
    }
    if (view.total > N) txt += ' (page holds the ' + N + ' most connected of ' + view.total + ')';
    statusEl.textContent = txt;
  }

  function showOverview() {
    var all = [];
    for (var i = 0; i < N; i++) all.push(i);
    if (N > view.drawLimit) all = all.sort(byDegree).slice(0, view.drawLimit).sort(function (a, b) { return a - b; });
    draw(all, null, null);
  }

  function showEgo(center) {
    var r = ego(center, Number(hopsSel.value));
    draw(r.order, center, r.dist, r.reached);
  }

  // ---- selection and the side panel ---------------------------------------
  function select(i, refocus) {
    selected = i;
    focusBtn.disabled = false;
    var node = cy.getElementById('n' + i);
    if (!node.length || refocus) {
      showEgo(i);
      node = cy.getElementById('n' + i);
    }
    cy.elements().unselect();
    node.select();
    if (node.hasClass('hidden')) { hiddenTypes[typeName(i)] = false; syncTypeBoxes(); applyFilter(); updateStatus(); }
    highlight(node);
    var ext = cy.extent(), at = node.position();
    if (at.x < ext.x1 || at.x > ext.x2 || at.y < ext.y1 || at.y > ext.y2) cy.center(node);
    showDetails(i);
  }

  function highlight(node) {
    cy.elements().removeClass('faded');
    if (node) cy.elements().not(node.closedNeighborhood()).addClass('faded');
  }

  function entityLink(i) {
    var a = el('a', 'entity', nodes[i][1]);
    a.href = '#';
    a.addEventListener('click', function (ev) { ev.preventDefault(); select(i); });
    return a;
  }

  function sourcesOf(sent, arts) {
    var ul = el('ul', 'sources');
    sent.forEach(function (s) {
      var li = el('li');
      li.appendChild(el('blockquote', null, sentences[s][1]));
      li.appendChild(el('cite', null, '\u2014 ' + (sentences[s][0] >= 0 ? articles[sentences[s][0]] : 'unknown article')));
      ul.appendChild(li);
    });
    if (!sent.length) {
      var note = arts.length ? 'stated in ' + arts.map(function (a) { return articles[a]; }).join(', ') +
        ' (no sentence recorded)' : 'no source recorded';
      ul.appendChild(el('li', 'nosource', note));
    }
    return ul;
  }

  function showDetails(i) {
    var n = nodes[i];
    clear(panel);
    panel.appendChild(el('h2', null, n[1]));
    panel.appendChild(el('div', 'kind', n[3] + ' \u00b7 ' + types[n[2]][1]));
    panel.appendChild(el('div', 'iri', n[0]));
    if (n[4].length) panel.appendChild(el('div', 'kind', 'also: ' + n[4].join(', ')));
    var btn = el('button', null, 'Focus on this entity');
    btn.type = 'button';
    btn.addEventListener('click', function () { select(i, true); });
    var row = el('div', 'row'); row.appendChild(btn); panel.appendChild(row);

    panel.appendChild(el('h3', null, 'Facts'));
    var ul = el('ul', 'facts');
    factsOf[i].forEach(function (j) {
      var f = facts[j], li = el('li');
      li.appendChild(el('span', 'pred', preds[f[1]]));
      li.appendChild(el('span', 'value', f[2]));
      li.appendChild(sourcesOf(f[3], f[4]));
      ul.appendChild(li);
    });
    panel.appendChild(ul);

    var rels = outE[i].map(function (j) { return [j, true]; }).concat(inE[i].map(function (j) { return [j, false]; }));
    panel.appendChild(el('h3', null, 'Relations (' + rels.length + ')'));
    var rl = el('ul', 'facts');
    rels.slice(0, LIST_MAX).forEach(function (r) {
      var e = edges[r[0]], li = el('li', 'rel');
      if (r[1]) {
        li.appendChild(el('span', 'pred', preds[e[2]] + ' \u2192 '));
        li.appendChild(entityLink(e[1]));
      } else {
        li.appendChild(entityLink(e[0]));
        li.appendChild(el('span', 'pred', ' \u2192 ' + preds[e[2]] + ' \u2192 this'));
      }
      li.appendChild(sourcesOf(e[3], e[4]));
      rl.appendChild(li);
    });
    if (rels.length > LIST_MAX) rl.appendChild(el('li', 'note', 'and ' + (rels.length - LIST_MAX) + ' more'));
    panel.appendChild(rl);
  }

  function showEdge(j) {
    var e = edges[j];
    clear(panel);
    panel.appendChild(el('h2', null, preds[e[2]]));
    var p = el('p');
    p.appendChild(entityLink(e[0]));
    p.appendChild(el('span', 'pred', ' \u2192 ' + preds[e[2]] + ' \u2192 '));
    p.appendChild(entityLink(e[1]));
    panel.appendChild(p);
    panel.appendChild(el('h3', null, 'Sources'));
    panel.appendChild(sourcesOf(e[3], e[4]));
  }

  cy.on('tap', 'node', function (ev) { select(ev.target.data('idx')); });
  cy.on('tap', 'edge', function (ev) { highlight(null); showEdge(ev.target.data('idx')); });
  cy.on('tap', function (ev) { if (ev.target === cy) { highlight(null); cy.elements().unselect(); } });

  // ---- controls -----------------------------------------------------------
  var typeBoxes = {};
  function syncTypeBoxes() {
    Object.keys(typeBoxes).forEach(function (t) { typeBoxes[t].checked = !hiddenTypes[t]; });
  }
  (function buildTypeFilter() {
    var counts = {};
    nodes.forEach(function (n) { counts[n[2]] = (counts[n[2]] || 0) + 1; });
    var list = document.getElementById('types');
    types.forEach(function (t, k) {
      if (!counts[k]) return;
      var li = el('li'), label = el('label'), box = el('input');
      box.type = 'checkbox'; box.checked = true; box.value = t[0];
      box.setAttribute('data-type', t[0]);
      box.addEventListener('change', function () {
        hiddenTypes[t[0]] = !box.checked;
        applyFilter();
        updateStatus();
      });
      typeBoxes[t[0]] = box;
      label.appendChild(box);
      label.appendChild(swatch(t[3], t[2]));
      label.appendChild(el('span', null, t[1]));
      label.appendChild(el('span', 'count', String(counts[k])));
      li.appendChild(label);
      list.appendChild(li);
    });
  })();

  var searchBox = document.getElementById('search');
  var results = document.getElementById('results');
  function search() {
    var q = fold(searchBox.value.trim());
    clear(results);
    if (!q) return [];
    var hits = [];
    for (var i = 0; i < N; i++) {
      var keys = searchKey[i], score = -1;
      if (keys[0].indexOf(q) === 0) score = 0;
      else if (keys[0].indexOf(q) > 0) score = 1;
      else if (keys.slice(1).some(function (k) { return k.indexOf(q) >= 0; })) score = 2;
      if (score >= 0) hits.push([score, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || byDegree(a[1], b[1]); });
    hits.slice(0, 25).forEach(function (h) {
      var li = el('li'), b = el('button');
      b.type = 'button';
      b.appendChild(el('span', null, nodes[h[1]][1] + ' '));
      b.appendChild(el('span', 'kind', nodes[h[1]][3]));
      b.addEventListener('click', function () { select(h[1]); });
      li.appendChild(b);
      results.appendChild(li);
    });
    if (hits.length > 25) results.appendChild(el('li', 'note', (hits.length - 25) + ' more; type more letters'));
    if (!hits.length) results.appendChild(el('li', 'note', 'no match'));
    return hits;
  }
  searchBox.addEventListener('input', search);
  searchBox.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') { var hits = search(); if (hits.length) select(hits[0][1]); }
  });
  focusBtn.addEventListener('click', function () { if (selected !== null) select(selected, true); });
  hopsSel.addEventListener('change', function () { if (current.focus !== null) showEgo(current.focus); });
  document.getElementById('overview-btn').addEventListener('click', function () { showOverview(); });
  document.getElementById('fit-btn').addEventListener('click', function () { cy.fit(undefined, 30); });

  // ---- start --------------------------------------------------------------
  window.kgView = { cy: cy, select: select, showEgo: showEgo, showOverview: showOverview, nodes: nodes };
  if (!N) {
    panel.appendChild(el('p', 'note', 'The graph has no entities.'));
    statusEl.textContent = 'No entities';
    settled();
  } else if (view.focus !== null) {
    select(view.focus, true);
  } else {
    showOverview();
  }
})();
