// The real-name objection form of a running public notice: POST /api/objections (no login).

const $ = (id) => document.getElementById(id);
const form = $('objection-form');

function say(className, text, errors = []) {
  const box = $('objection-result');
  box.replaceChildren();
  const message = document.createElement('div');
  message.className = `message ${className}`;
  message.textContent = text;
  if (errors.length) {
    const list = document.createElement('ul');
    for (const e of errors) {
      const item = document.createElement('li');
      item.textContent = e.message;
      list.appendChild(item);
    }
    message.appendChild(list);
  }
  box.appendChild(message);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  $('objection-submit').disabled = true;
  try {
    const response = await fetch('/api/objections', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        applicationNumber: form.dataset.number,
        name: $('objector-name').value.trim(),
        idNumber: $('objector-id').value.trim(),
        phone: $('objector-phone').value.trim(),
        reasons: $('objection-reasons').value.trim(),
      }),
    });
    const data = await response.json().catch(() => ({}));
    if (response.ok) {
      say('ok', `异议已受理，受理编号：${data.acknowledgementNumber}。市科技局将核查处理，请保存受理编号。`);
      form.querySelectorAll('input, textarea').forEach((field) => { field.disabled = true; });
      return;
    }
    say('error', data.detail || '提交失败，请稍后重试。', data.errors || []);
  } catch {
    say('error', '无法连接服务器，请检查网络后重试。');
  }
  $('objection-submit').disabled = false;
});
