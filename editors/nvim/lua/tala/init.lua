-- tala.nvim: evaluate tala code in a running tala (tala FILE --listen 7770) from Neovim.
-- Every action runs `tala send`, which answers ok or the error at FILE:LINE:COL.
local M = {}

M.config = {
  cmd = "tala", -- the tala program
  port = vim.env.TALA_PORT or "7770", -- what `tala FILE --listen PORT` listens on
  flash_ms = 150, -- how long evaluated lines are highlighted (0: not at all)
}

local ns = vim.api.nvim_create_namespace("tala") -- diagnostics
local flash_ns = vim.api.nvim_create_namespace("tala_flash") -- the evaluated lines, briefly

function M.setup(opts)
  M.config = vim.tbl_extend("force", M.config, opts or {})
end

local function notify(text, level)
  vim.notify(text, level or vim.log.levels.INFO, { title = "tala" })
end

-- Runs `tala send ARGS` with input on stdin; returns its output and whether it was ok.
local function run(args, input)
  local cmd = { M.config.cmd, "send", "--port", tostring(M.config.port) }
  vim.list_extend(cmd, args)
  local out = vim.fn.system(cmd, input)
  return vim.trim(out), vim.v.shell_error == 0
end

-- The error's position (FILE:LINE:COL: message) as a diagnostic on the buffer.
local function show_error(buf, text)
  local line, col, msg = text:match("^[^\n]-:(%d+):(%d+): ([^\n]*)")
  local hint = text:match("\nhint: ([^\n]*)")
  if line then
    vim.diagnostic.set(ns, buf, {
      {
        lnum = tonumber(line) - 1,
        col = tonumber(col) - 1,
        message = msg .. (hint and ("\nhint: " .. hint) or ""),
        severity = vim.diagnostic.severity.ERROR,
        source = "tala",
      },
    })
  end
  notify(text, vim.log.levels.ERROR)
end

local function flash(buf, first, last)
  if M.config.flash_ms <= 0 then return end
  vim.highlight.range(buf, flash_ns, "IncSearch", { first - 1, 0 }, { last - 1, -1 })
  vim.defer_fn(function()
    if vim.api.nvim_buf_is_valid(buf) then vim.api.nvim_buf_clear_namespace(buf, flash_ns, 0, -1) end
  end, M.config.flash_ms)
end

-- Sends lines first..last (1-based) of the current buffer: errors point into the file.
function M.eval_lines(first, last)
  local buf = vim.api.nvim_get_current_buf()
  local lines = vim.api.nvim_buf_get_lines(buf, first - 1, last, false)
  local name = vim.api.nvim_buf_get_name(buf)
  if name == "" then name = "<nvim>" end
  vim.diagnostic.reset(ns, buf)
  flash(buf, first, last)
  local out, ok = run({ "--as", name .. ":" .. first, "-" }, table.concat(lines, "\n") .. "\n")
  if ok then
    if out ~= "ok" and out ~= "" then notify(out) else vim.api.nvim_echo({ { "tala: ok" } }, false, {}) end
  else
    show_error(buf, out)
  end
  return ok, out
end

-- The paragraph around the cursor: up and down to a blank line, as the REPL's blocks.
function M.eval_paragraph()
  local buf = vim.api.nvim_get_current_buf()
  local n = vim.api.nvim_buf_line_count(buf)
  local cur = vim.api.nvim_win_get_cursor(0)[1]
  local function blank(l)
    return vim.api.nvim_buf_get_lines(buf, l - 1, l, false)[1]:match("^%s*$") ~= nil
  end
  if blank(cur) then
    notify("a blank line: no block here", vim.log.levels.WARN)
    return false
  end
  local first, last = cur, cur
  while first > 1 and not blank(first - 1) do first = first - 1 end
  while last < n and not blank(last + 1) do last = last + 1 end
  return M.eval_lines(first, last)
end

function M.hush()
  local out, ok = run({ "--hush" })
  notify(ok and "tala: hush" or out, ok and vim.log.levels.INFO or vim.log.levels.ERROR)
end

function M.tempo(bpm)
  local out, ok = run({ "--tempo", tostring(bpm) })
  notify(ok and ("tala: tempo " .. bpm) or out, ok and vim.log.levels.INFO or vim.log.levels.ERROR)
end

function M.query()
  local out, ok = run({ "--query" })
  notify(out, ok and vim.log.levels.INFO or vim.log.levels.ERROR)
  return out
end

return M
