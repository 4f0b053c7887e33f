-- .tala buffers: comments are `--`; <localleader>e evaluates the paragraph (or the
-- selection), <localleader>h hushes. let g:tala_no_maps = 1 to map your own.
vim.bo.commentstring = "-- %s"
vim.bo.comments = ":--"
if vim.g.tala_no_maps == 1 or vim.g.tala_no_maps == true then return end
local opts = { buffer = true, silent = true }
vim.keymap.set("n", "<localleader>e", "<cmd>TalaEval<cr>", opts)
vim.keymap.set("x", "<localleader>e", ":TalaEval<cr>", opts)
vim.keymap.set("n", "<localleader>h", "<cmd>TalaHush<cr>", opts)
