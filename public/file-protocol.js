/*
 * Opened from disk (file://), the browser refuses the app's module scripts and the page would
 * stay blank. This classic script (which browsers do run from disk) says instead how to open
 * Anju. It does nothing when the page is served over http(s).
 */
(function () {
  if (location.protocol !== 'file:') return;
  function el(tag, text, style) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (style) e.setAttribute('style', style);
    return e;
  }
  function show() {
    var box = el('div', null, 'max-width:46rem;margin:8vh auto;padding:1.4rem 1.8rem;background:#fff;border:1px solid #d5d0c4;border-radius:10px;box-shadow:0 4px 20px #0002;line-height:1.6;font-size:15px');
    box.id = 'file-protocol-note';
    box.appendChild(el('h1', '安居需要通过网页服务器打开', 'font-size:1.3rem;margin:0 0 .6rem'));
    box.appendChild(el('p', '浏览器不允许从磁盘（file://）直接运行本应用的程序模块，所以双击 dist/index.html 只会得到空白页。请用以下任一方式打开：'));
    var ol = el('ol');
    ol.appendChild(el('li', '团队服务器：在安居目录运行 ./bin/anju serve，然后在浏览器中打开它显示的地址（默认 http://127.0.0.1:8080），或打开单位的安居服务器地址。'));
    ol.appendChild(el('li', '单机使用：在安居目录运行 npm run preview（或 npm run dev），然后打开它显示的地址。'));
    box.appendChild(ol);
    box.appendChild(el('h2', 'Anju must be opened through a web server', 'font-size:1.05rem;margin:1.2rem 0 .4rem;color:#444'));
    box.appendChild(el('p', 'Browsers refuse to run the app’s module scripts from disk (file://), so opening dist/index.html directly gives a blank page. Open it one of these ways instead:', 'color:#444'));
    var en = el('ol', null, 'color:#444');
    en.appendChild(el('li', 'Team server: run ./bin/anju serve in the Anju folder and open the address it prints (http://127.0.0.1:8080 by default), or your bureau’s Anju server.'));
    en.appendChild(el('li', 'On your own: run npm run preview (or npm run dev) in the Anju folder and open the address it prints.'));
    box.appendChild(en);
    document.body.appendChild(box);
  }
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show);
})();
