vim.filetype.add({ extension = { tala = "tala" } })
