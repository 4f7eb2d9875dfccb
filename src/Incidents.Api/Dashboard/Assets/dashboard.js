'use strict';

// Live updates: the server sends "changed" (Server-Sent Events) whenever a read model committed new rows; the page
// then fetches its own main content again and swaps it in. While someone is filling in a form, the swap waits and a
// button offers it instead, so nothing typed is lost.
(() => {
  const main = document.getElementById('main');
  const status = document.getElementById('live-status');
  const source = main && main.dataset.live;
  if (!source || !status || !window.EventSource || !window.fetch) {
    return;
  }

  let busy = false;
  let again = false;
  let held = false;

  const editing = () => {
    const active = document.activeElement;
    const typing = active && main.contains(active) && active.closest('form[method="post"]') && active.matches('input, textarea, select');
    return Boolean(typing) || main.querySelector('form[data-dirty]') !== null;
  };

  main.addEventListener('input', (event) => {
    const form = event.target.closest('form[method="post"]');
    if (form) {
      form.dataset.dirty = '1';
    }
  });

  const stamp = () => {
    const time = new Date().toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo', hour12: false });
    status.textContent = `${status.dataset.updated} ${time}`;
  };

  const hold = () => {
    if (held) {
      return;
    }

    held = true;
    status.textContent = `${status.dataset.waiting} `;
    const show = document.createElement('button');
    show.type = 'button';
    show.className = 'secondary';
    show.textContent = status.dataset.show;
    show.addEventListener('click', () => {
      main.querySelectorAll('form[data-dirty]').forEach((form) => delete form.dataset.dirty);
      held = false;
      refresh(true);
    });
    status.appendChild(show);
  };

  async function refresh(force) {
    if (busy) {
      again = true;
      return;
    }

    if (!force && editing()) {
      hold();
      return;
    }

    busy = true;
    try {
      const response = await fetch(window.location.href, {
        headers: { 'X-Dashboard-Fragment': '1' },
        credentials: 'same-origin',
        cache: 'no-store',
      });
      if (response.status === 401) {
        window.location.reload();
        return;
      }

      const focused = document.activeElement && document.activeElement.id;
      main.innerHTML = await response.text();
      if (focused) {
        const element = document.getElementById(focused);
        if (element) {
          element.focus();
        }
      }

      held = false;
      stamp();
      document.dispatchEvent(new CustomEvent('dashboard:updated'));
    } catch {
      // Offline for a moment: the next change, or the minute refresh, tries again.
    } finally {
      busy = false;
      if (again) {
        again = false;
        refresh(false);
      }
    }
  }

  const events = new EventSource(source);
  events.addEventListener('changed', () => refresh(false));

  // Deadlines pass without any event being recorded: look again every minute so "overdue" appears on time.
  window.setInterval(() => {
    if (!document.hidden) {
      refresh(false);
    }
  }, 60000);
})();
