-- tala.nvim's commands: :TalaEval (the paragraph, or a range), :TalaHush, :TalaTempo BPM,
-- :TalaQuery. Mappings for .tala buffers are in ftplugin/tala.lua.
if vim.g.loaded_tala then return end
vim.g.loaded_tala = true

vim.api.nvim_create_user_command("TalaEval", function(o)
  if o.range > 0 then
    require("tala").eval_lines(o.line1, o.line2)
  else
    require("tala").eval_paragraph()
  end
end, { range = true, desc = "evaluate the paragraph (or the lines) in the running tala" })
vim.api.nvim_create_user_command("TalaHush", function() require("tala").hush() end, {})
vim.api.nvim_create_user_command("TalaTempo", function(o) require("tala").tempo(o.args) end, { nargs = 1 })
vim.api.nvim_create_user_command("TalaQuery", function() require("tala").query() end, {})
