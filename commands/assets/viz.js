/* stakegraph viz: draws the stakeholder network from the JSON block in this page.
 *
 * No libraries and no network: SVG elements are made with the namespace of the <svg> already in
 * the page, the layout is a small deterministic force simulation started from the positions the
 * Python side computed, and every piece of data reaches the DOM through textContent or
 * setAttribute, never as markup.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var svg = document.getElementById("graph");
  var NS = svg.namespaceURI;
  var panel = document.getElementById("panel");
  var searchBox = document.getElementById("search");
  var searchCount = document.getElementById("search-count");
  var shownCount = document.getElementById("shown-count");

  var nodes = data.nodes;
  var links = data.links;
  var relations = data.relations;
  var colors = {};
  var shapes = {};
  data.types.forEach(function (t) { colors[t.type] = t.color; shapes[t.type] = t.shape; });
  var ALWAYS = data.always_labelled || 0;

  var byId = new Map();
  nodes.forEach(function (n, i) { n.index = i; byId.set(n.id, n); });
  var relsOf = new Map();
  relations.forEach(function (r, i) {
    [r.source, r.target].forEach(function (id) {
      if (!relsOf.has(id)) { relsOf.set(id, []); }
      if (relsOf.get(id).indexOf(i) < 0) { relsOf.get(id).push(i); }
    });
  });
  var neighbours = nodes.map(function () { return new Set(); });
  links.forEach(function (l) { neighbours[l.source].add(l.target); neighbours[l.target].add(l.source); });

  var maxScore = nodes.reduce(function (m, n) { return Math.max(m, n.score); }, 0);
  nodes.forEach(function (n) {
    n.r = maxScore > 0 ? 5 + 19 * Math.sqrt(Math.max(n.score, 0) / maxScore) : 8;
  });
  var rankOrder = nodes.slice().sort(function (a, b) {
    return b.score - a.score || b.degree - a.degree || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  });
  rankOrder.forEach(function (n, i) { n.rank = i; });

  var view = { k: 1, tx: 0, ty: 0 };
  var state = { selected: null, query: "", matches: new Set(), hiddenTypes: new Set() };

  // ---------------------------------------------------------------- layout
  function simulate() {
    var n = nodes.length;
    if (n < 2) { return; }
    var ticks = Math.max(20, Math.min(300, Math.floor(3e7 / (n * n))));
    var alpha = 0.6;
    var decay = 1 - Math.pow(0.001 / alpha, 1 / ticks);
    var count = nodes.map(function (_, i) { return neighbours[i].size; });
    nodes.forEach(function (p) { p.vx = 0; p.vy = 0; });
    for (var t = 0; t < ticks; t++) {
      for (var i = 0; i < n; i++) {
        var a = nodes[i];
        for (var j = i + 1; j < n; j++) {
          var b = nodes[j];
          var dx = b.x - a.x, dy = b.y - a.y;
          var d2 = dx * dx + dy * dy;
          if (d2 < 1e-4) { dx = (j - i) * 0.01; dy = (i + j) * 0.007; d2 = dx * dx + dy * dy; }
          if (d2 > 250000) { continue; }
          var w = -250 * alpha / d2;
          a.vx += dx * w; a.vy += dy * w;
          b.vx -= dx * w; b.vy -= dy * w;
          var min = a.r + b.r + 6;
          if (d2 < min * min) {
            var d = Math.sqrt(d2), push = (min - d) / d * 0.35;
            a.vx -= dx * push; a.vy -= dy * push;
            b.vx += dx * push; b.vy += dy * push;
          }
        }
      }
      links.forEach(function (l) {
        var s = nodes[l.source], g = nodes[l.target];
        var dx = g.x + g.vx - s.x - s.vx, dy = g.y + g.vy - s.y - s.vy;
        var d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        var len = 60 + s.r + g.r;
        var cs = count[l.source], cg = count[l.target];
        var f = (d - len) / d * alpha / Math.min(cs, cg);
        var bias = cs / (cs + cg);
        g.vx -= dx * f * bias; g.vy -= dy * f * bias;
        s.vx += dx * f * (1 - bias); s.vy += dy * f * (1 - bias);
      });
      nodes.forEach(function (p) {
        p.vx -= p.x * 0.03 * alpha; p.vy -= p.y * 0.03 * alpha;
        p.vx *= 0.6; p.vy *= 0.6;
        p.x += p.vx; p.y += p.vy;
      });
      alpha *= 1 - decay;
    }
  }

  // ---------------------------------------------------------------- drawing
  function svgEl(tag, attrs, parent) {
    var e = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(e); }
    return e;
  }

  var layers = {
    links: svgEl("g", { "class": "links" }, svg),
    hits: svgEl("g", { "class": "link-hits" }, svg),
    nodes: svgEl("g", { "class": "nodes" }, svg),
    labels: svgEl("g", { "class": "labels" }, svg)
  };

  links.forEach(function (l, i) {
    var former = l.relations.every(function (ri) { return relations[ri].status === "former"; });
    l.line = svgEl("line", { "class": "link" + (former ? " former" : ""), "data-link": String(i) }, layers.links);
    var weight = l.relations.reduce(function (s, ri) { return s + relations[ri].evidence.length; }, 0);
    l.line.setAttribute("stroke-width", String(1 + Math.min(4, Math.log2(1 + weight))));
    l.hit = svgEl("line", { "class": "link-hit", "data-link": String(i) }, layers.hits);
    var tip = svgEl("title", {}, l.hit);
    tip.textContent = nodes[l.source].name + " \u2014 " + nodes[l.target].name;
    l.hit.addEventListener("click", function (ev) { ev.stopPropagation(); selectLink(i); });
  });

  // One shape per type (with the colour), each about the area of a circle of radius r.
  function shapePath(shape, x, y, r) {
    var pts = function (k, count, turn, inner) {
      var out = [];
      for (var i = 0; i < count * (inner ? 2 : 1); i++) {
        var a = turn + i * Math.PI * 2 / (count * (inner ? 2 : 1));
        var d = inner && i % 2 ? k * inner : k;
        out.push((x + d * Math.cos(a)).toFixed(1) + "," + (y + d * Math.sin(a)).toFixed(1));
      }
      return "M" + out.join("L") + "Z";
    };
    switch (shape) {
      case "square": return pts(r * 1.25, 4, Math.PI / 4);
      case "diamond": return pts(r * 1.3, 4, 0);
      case "triangle": return pts(r * 1.55, 3, -Math.PI / 2);
      case "hexagon": return pts(r * 1.1, 6, 0);
      case "star": return pts(r * 1.55, 5, -Math.PI / 2, 0.5);
      default:
        return "M" + (x - r).toFixed(1) + "," + y.toFixed(1) + "a" + r.toFixed(1) + "," + r.toFixed(1) +
          " 0 1,0 " + (2 * r).toFixed(1) + ",0a" + r.toFixed(1) + "," + r.toFixed(1) + " 0 1,0 " +
          (-2 * r).toFixed(1) + ",0Z";
    }
  }

  nodes.forEach(function (n) {
    n.labelText = n.label || n.name;  // the data's short label; n.label becomes its <text> element
    n.shape = shapes[n.type] || "circle";
    n.mark = svgEl("path", { "class": "node", "data-id": n.id, "data-type": n.type, "data-shape": n.shape },
                   layers.nodes);
    n.mark.setAttribute("fill", colors[n.type] || "#7f7f7f");
    var tip = svgEl("title", {}, n.mark);
    tip.textContent = n.name + " (" + n.type + ")";
    n.label = svgEl("text", { "class": "label" + (n.rank < ALWAYS ? " major" : ""), "data-id": n.id },
                    layers.labels);
    n.label.textContent = n.labelText;
    if (n.labelText !== n.name) {  // shortened: the full name on hover, and a click selects as the node does
      n.label.classList.add("short");
      svgEl("title", {}, n.label).textContent = n.name;
      n.label.addEventListener("click", function (ev) { ev.stopPropagation(); selectNode(n.index); });
    }
    attachNodeEvents(n);
  });

  function radiusScale() { return Math.max(0.55, Math.min(2.2, Math.sqrt(view.k))); }
  function sx(x) { return x * view.k + view.tx; }
  function sy(y) { return y * view.k + view.ty; }

  function draw() {
    var rs = radiusScale();
    nodes.forEach(function (n) {
      n.sx = sx(n.x); n.sy = sy(n.y); n.sr = n.r * rs;
      n.mark.setAttribute("d", shapePath(n.shape, n.sx, n.sy, n.sr));
    });
    links.forEach(function (l) {
      var s = nodes[l.source], t = nodes[l.target];
      [l.line, l.hit].forEach(function (e) {
        e.setAttribute("x1", s.sx.toFixed(1)); e.setAttribute("y1", s.sy.toFixed(1));
        e.setAttribute("x2", t.sx.toFixed(1)); e.setAttribute("y2", t.sy.toFixed(1));
      });
    });
    placeLabels();
  }

  var measure = document.createElement("canvas").getContext("2d");
  function textWidth(n) {
    if (n.labelWidth === undefined) {
      measure.font = (n.rank < ALWAYS ? "600 13px " : "12px ") + getComputedStyle(document.body).fontFamily;
      n.labelWidth = measure.measureText(n.label.textContent).width;
    }
    return n.labelWidth;
  }

  // Greedy placement: the selected node, search hits, neighbours, then by centrality; a label that
  // would overlap one already placed is left out, so what is shown can be read. The most central
  // nodes (data.always_labelled) are labelled even where they must overlap.
  function placeLabels() {
    var W = svg.clientWidth, H = svg.clientHeight;
    var sel = state.selected;
    var prio = function (n) {
      if (sel === n.index) { return 0; }
      if (state.matches.has(n.index)) { return 1; }
      if (sel !== null && neighbours[sel].has(n.index)) { return 2; }
      return 3;
    };
    var order = nodes.filter(visible).sort(function (a, b) { return prio(a) - prio(b) || a.rank - b.rank; });
    var placed = [];
    var legend = document.getElementById("legend");
    if (legend) {  // the legend floats over the network: no label under it
      var lr = legend.getBoundingClientRect(), sr = svg.getBoundingClientRect();
      placed.push({ x0: lr.left - sr.left, y0: lr.top - sr.top, x1: lr.right - sr.left, y1: lr.bottom - sr.top });
    }
    var shownNodes = order;
    var avoidNodes = order.length <= 400;  // checking every circle gets too slow on big graphs
    nodes.forEach(function (n) { n.label.setAttribute("visibility", "hidden"); });
    order.forEach(function (n) {
      if (placed.length >= 250) { return; }
      var w = textWidth(n), p = prio(n);
      // right of the node, then left, below and above: the first spot that is free and in view
      var spots = [
        [n.sx + n.sr + 3, n.sy + 4], [n.sx - n.sr - 3 - w, n.sy + 4],
        [n.sx - w / 2, n.sy + n.sr + 13], [n.sx - w / 2, n.sy - n.sr - 5]
      ];
      var chosen = null;
      for (var s = 0; s < spots.length && chosen === null; s++) {
        var x = spots[s][0], y = spots[s][1];
        var box = { x0: x - 2, y0: y - 12, x1: x + w + 2, y1: y + 4 };
        if (box.x0 < 0 || box.x1 > W || box.y0 < 0 || box.y1 > H) { continue; }
        var clash = placed.some(function (o) {
          return box.x0 < o.x1 && o.x0 < box.x1 && box.y0 < o.y1 && o.y0 < box.y1;
        }) || (avoidNodes && covers(box, n, shownNodes));
        if (!clash) { chosen = box; }
      }
      if (chosen === null && (p <= 1 || n.rank < ALWAYS)) {  // the selection, hits and the most central
        chosen = { x0: spots[0][0] - 2, y0: spots[0][1] - 12, x1: spots[0][0] + w + 2, y1: spots[0][1] + 4 };
      }
      if (chosen === null) { return; }
      placed.push(chosen);
      n.label.setAttribute("x", (chosen.x0 + 2).toFixed(1));
      n.label.setAttribute("y", (chosen.y0 + 12).toFixed(1));
      n.label.setAttribute("visibility", "visible");
    });
  }

  // Whether a label box would hide another node's circle.
  function covers(box, self, others) {
    return others.some(function (o) {
      if (o === self) { return false; }
      var cx = Math.max(box.x0, Math.min(o.sx, box.x1)), cy = Math.max(box.y0, Math.min(o.sy, box.y1));
      var dx = o.sx - cx, dy = o.sy - cy;
      return dx * dx + dy * dy < o.sr * o.sr;
    });
  }

  var pending = false;
  function redraw() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; draw(); });
  }

  function visible(n) { return !state.hiddenTypes.has(n.type); }

  function fit() {
    var shown = nodes.filter(visible);
    var W = svg.clientWidth || 800, H = svg.clientHeight || 600;
    if (!shown.length) { view = { k: 1, tx: W / 2, ty: H / 2 }; return; }
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    shown.forEach(function (n) {
      x0 = Math.min(x0, n.x - n.r); x1 = Math.max(x1, n.x + n.r + 90);
      y0 = Math.min(y0, n.y - n.r); y1 = Math.max(y1, n.y + n.r);
    });
    var legend = document.getElementById("legend");
    var left = legend ? legend.offsetWidth + 24 : 0;
    var k = Math.min((W - left - 40) / Math.max(x1 - x0, 1), (H - 40) / Math.max(y1 - y0, 1));
    k = Math.max(0.05, Math.min(2.5, k));
    view = { k: k, tx: left + 20 + (W - left - 40 - (x1 - x0) * k) / 2 - x0 * k,
             ty: 20 + (H - 40 - (y1 - y0) * k) / 2 - y0 * k };
  }

  function zoomAt(factor, cx, cy) {
    var k = Math.max(0.03, Math.min(12, view.k * factor));
    var f = k / view.k;
    view.tx = cx - (cx - view.tx) * f;
    view.ty = cy - (cy - view.ty) * f;
    view.k = k;
    redraw();
  }

  // ---------------------------------------------------------------- interaction
  var drag = null;

  function attachNodeEvents(n) {
    n.mark.addEventListener("pointerdown", function (ev) {
      ev.stopPropagation();
      drag = { node: n, x: ev.clientX, y: ev.clientY, moved: false };
      n.mark.setPointerCapture(ev.pointerId);
    });
    n.mark.addEventListener("click", function (ev) {
      ev.stopPropagation();
      if (drag && drag.moved) { drag = null; return; }
      drag = null;
      selectNode(n.index);
    });
  }

  svg.addEventListener("pointerdown", function (ev) {
    if (ev.target !== svg) { return; }
    drag = { pan: true, x: ev.clientX, y: ev.clientY, moved: false };
    svg.setPointerCapture(ev.pointerId);
    svg.classList.add("panning");
  });
  svg.addEventListener("pointermove", function (ev) {
    if (!drag) { return; }
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
    drag.moved = true;
    drag.x = ev.clientX; drag.y = ev.clientY;
    if (drag.pan) {
      view.tx += dx; view.ty += dy;
    } else {
      drag.node.x += dx / view.k; drag.node.y += dy / view.k;
    }
    redraw();
  });
  svg.addEventListener("pointerup", function () {
    svg.classList.remove("panning");
    if (drag && drag.pan) { drag = drag.moved ? { moved: true, pan: true } : null; }
  });
  svg.addEventListener("click", function (ev) {
    if (ev.target !== svg) { return; }
    var wasPan = drag && drag.moved;
    drag = null;
    if (!wasPan) { clearSelection(); }
  });
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var rect = svg.getBoundingClientRect();
    zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX - rect.left, ev.clientY - rect.top);
  }, { passive: false });
  document.getElementById("zoom-in").addEventListener("click", function () {
    zoomAt(1.4, svg.clientWidth / 2, svg.clientHeight / 2);
  });
  document.getElementById("zoom-out").addEventListener("click", function () {
    zoomAt(1 / 1.4, svg.clientWidth / 2, svg.clientHeight / 2);
  });
  document.getElementById("zoom-fit").addEventListener("click", function () { fit(); redraw(); });
  window.addEventListener("resize", redraw);

  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  nodes.forEach(function (n) { n.keys = [n.name].concat(n.aliases).map(fold); });

  searchBox.addEventListener("input", function () { search(searchBox.value); });
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && state.matches.size) {
      var first = rankOrder.filter(function (n) { return state.matches.has(n.index); })[0];
      selectNode(first.index, true);
    } else if (ev.key === "Escape") {
      searchBox.value = "";
      search("");
    }
  });

  function search(text) {
    state.query = fold(text);
    state.matches = new Set();
    if (state.query) {
      nodes.forEach(function (n) {
        if (visible(n) && n.keys.some(function (k) { return k.indexOf(state.query) >= 0; })) {
          state.matches.add(n.index);
        }
      });
      searchCount.textContent = state.matches.size ? state.matches.size + " found" : "no match";
    } else {
      searchCount.textContent = "";
    }
    restyle();
  }

  function buildFilters() {
    var box = document.getElementById("type-filters");
    data.types.forEach(function (t) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.checked = true;
      input.setAttribute("data-type", t.type);
      input.addEventListener("change", function () {
        if (input.checked) { state.hiddenTypes.delete(t.type); } else { state.hiddenTypes.add(t.type); }
        if (state.selected !== null && !visible(nodes[state.selected])) { state.selected = null; showOverview(); }
        search(searchBox.value);
      });
      var swatch = document.createElementNS(NS, "svg");
      swatch.setAttribute("class", "swatch");
      swatch.setAttribute("viewBox", "0 0 16 16");
      swatch.setAttribute("data-shape", t.shape);
      svgEl("path", { d: shapePath(t.shape, 8, 8, 5), fill: t.color }, swatch);
      var text = document.createElement("span");
      text.textContent = t.type + " (" + t.count + ")";
      label.append(input, swatch, text);
      box.appendChild(label);
    });
    document.getElementById("size-note").textContent = "size: " + data.size_by;
  }

  // Classes for visibility, selection and search hits, then the labels that follow from them.
  function restyle() {
    var sel = state.selected;
    var focus = null;
    if (state.query) { focus = state.matches; } else if (sel !== null) {
      focus = new Set(neighbours[sel]); focus.add(sel);
    }
    var shown = 0;
    nodes.forEach(function (n) {
      var on = visible(n);
      shown += on ? 1 : 0;
      var dim = on && focus !== null && !focus.has(n.index);
      [n.mark, n.label].forEach(function (e) {
        e.classList.toggle("off", !on);
        e.classList.toggle("dim", dim);
      });
      n.mark.classList.toggle("match", state.matches.has(n.index));
      n.mark.classList.toggle("selected", sel === n.index);
    });
    links.forEach(function (l) {
      var on = visible(nodes[l.source]) && visible(nodes[l.target]);
      var lit = sel !== null && (l.source === sel || l.target === sel);
      l.line.classList.toggle("off", !on);
      l.hit.classList.toggle("off", !on);
      l.line.classList.toggle("lit", lit || l.index === state.selectedLink);
      l.line.classList.toggle("dim", focus !== null && !lit && !(focus.has(l.source) && focus.has(l.target)));
    });
    shownCount.textContent = shown + " of " + nodes.length + " stakeholders shown" +
      (data.total_entities > nodes.length ? " (" + data.total_entities + " in the graph)" : "");
    redraw();
  }
  links.forEach(function (l, i) { l.index = i; });

  // Whether text on this background colour ("rgb(r, g, b)") should be dark (WCAG relative luminance).
  function light(rgb) {
    var c = (rgb.match(/\d+/g) || [0, 0, 0]).slice(0, 3).map(function (v) {
      v = Number(v) / 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2] > 0.25;
  }

  // ---------------------------------------------------------------- side panel
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function entityRef(id) {
    var n = byId.get(id);
    if (n) {
      var b = el("button", "linklike", n.name);
      b.type = "button";
      b.setAttribute("data-goto", id);
      b.addEventListener("click", function () { selectNode(n.index, true); });
      return b;
    }
    var o = data.outside[id];
    return el("span", "outside", o ? o.name : id);
  }

  function relationBlock(ri, self) {
    var r = relations[ri];
    var box = el("div", "rel");
    var head = el("div", "rel-head");
    head.appendChild(el("span", "rel-type", r.type));
    head.appendChild(document.createTextNode(" "));
    if (self === r.source) {
      head.appendChild(document.createTextNode("\u2192 "));
      head.appendChild(entityRef(r.target));
    } else if (self === r.target) {
      head.appendChild(document.createTextNode("\u2190 "));
      head.appendChild(entityRef(r.source));
    } else {
      head.appendChild(entityRef(r.source));
      head.appendChild(document.createTextNode(" \u2192 "));
      head.appendChild(entityRef(r.target));
    }
    box.appendChild(head);
    var facts = [];
    if (r.role) { facts.push(r.role); }
    if (r.status) { facts.push(r.status); }
    facts.push("confidence " + Number(r.confidence).toFixed(2));
    box.appendChild(el("div", "rel-role", facts.join(" \u00b7 ")));
    var list = el("ul", "evidence");
    r.evidence.forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("q", "sentence", ev.sentence));
      li.appendChild(el("cite", "source", ev.document + (ev.rule ? " \u00b7 " + ev.rule : "")));
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }

  function showOverview() {
    var parts = [el("h2", null, nodes.length ? "Overview" : "Nothing to show")];
    parts.push(el("p", "meta", nodes.length + " stakeholders and " + links.length + " links on this page."));
    if (nodes.length) {
      parts.push(el("p", "meta", "Node size: " + data.size_by + ". Click a stakeholder or a link to read " +
        "the sentences behind it; scroll to zoom, drag to pan."));
      parts.push(el("h3", null, "Most central (" + data.size_by + ")"));
      var ol = el("ol", "top-list");
      rankOrder.slice(0, 10).forEach(function (n) {
        var li = el("li");
        li.appendChild(entityRef(n.id));
        ol.appendChild(li);
      });
      parts.push(ol);
    }
    panel.replaceChildren.apply(panel, parts);
  }

  function showNode(n) {
    var parts = [el("h2", "entity-name", n.name)];
    var badge = el("span", "badge", n.type);
    badge.style.background = colors[n.type] || "#7f7f7f";
    badge.style.color = light(badge.style.background) ? "#000" : "#fff";
    var line = el("p", "meta");
    line.append(badge, document.createTextNode(" "), el("span", "id", n.id));
    parts.push(line);
    parts.push(el("p", "meta", data.size_by + " " + Number(n.score).toPrecision(3) + " \u00b7 " + n.degree +
      " linked \u00b7 " + n.mentions + " mentions"));
    if (n.aliases.length) {
      parts.push(el("h3", null, "Also called"));
      parts.push(el("p", "aliases", n.aliases.join(", ")));
    }
    if (n.documents.length) {
      parts.push(el("h3", null, "Documents (" + n.documents.length + ")"));
      var docs = el("ul", "documents");
      n.documents.forEach(function (d) { docs.appendChild(el("li", null, d)); });
      parts.push(docs);
    }
    var mine = (relsOf.get(n.id) || []).slice().sort(function (a, b) {
      var ra = relations[a], rb = relations[b];
      return ra.type < rb.type ? -1 : ra.type > rb.type ? 1 : a - b;
    });
    parts.push(el("h3", null, "Relations (" + mine.length + ")"));
    mine.forEach(function (ri) { parts.push(relationBlock(ri, n.id)); });
    panel.replaceChildren.apply(panel, parts);
    panel.scrollTop = 0;
  }

  function selectNode(i, centre) {
    var n = nodes[i];
    if (!visible(n)) { return; }
    state.selected = i;
    state.selectedLink = null;
    if (centre) {
      view.tx = svg.clientWidth / 2 - n.x * view.k;
      view.ty = svg.clientHeight / 2 - n.y * view.k;
    }
    showNode(n);
    restyle();
  }

  function selectLink(i) {
    var l = links[i];
    state.selected = null;
    state.selectedLink = i;
    var s = nodes[l.source], t = nodes[l.target];
    var parts = [el("h2", "link-name", s.name + " \u2014 " + t.name)];
    parts.push(el("p", "meta", l.relations.length + (l.relations.length === 1 ? " relation" : " relations")));
    l.relations.forEach(function (ri) { parts.push(relationBlock(ri, null)); });
    panel.replaceChildren.apply(panel, parts);
    panel.scrollTop = 0;
    restyle();
  }

  function clearSelection() {
    state.selected = null;
    state.selectedLink = null;
    showOverview();
    restyle();
  }

  // ---------------------------------------------------------------- start
  simulate();
  buildFilters();
  fit();
  showOverview();
  restyle();
  draw();
  window.stakegraphViz = {
    data: data,
    view: function () { return { k: view.k, tx: view.tx, ty: view.ty }; },
    select: function (id) { var n = byId.get(id); if (n) { selectNode(n.index, true); } }
  };
  document.body.setAttribute("data-ready", "true");
})();
