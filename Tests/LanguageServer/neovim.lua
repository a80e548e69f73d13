-- Neovim's own LSP client attached to `journal lsp`: a scripted edit, then what the editor
-- shows. Run headless, `nvim --headless -u NONE -c "luafile neovim.lua"`, with JOURNAL (the
-- binary), FILE (an entry to open) and OUT (where the JSON of what was seen goes) set.
local journal = os.getenv("JOURNAL")
local file = os.getenv("FILE")
local out = os.getenv("OUT")
local result = { diagnostics_before = {}, diagnostics_after = {}, completion = {} }

local client_id = vim.lsp.start_client({
  cmd = { journal, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":h:h"),
})
vim.cmd("edit " .. vim.fn.fnameescape(file))
vim.bo.filetype = "markdown"
vim.lsp.buf_attach_client(0, client_id)

local function codes()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(list, { code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), line = d.lnum })
  end
  return list
end

vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) ~= nil and vim.lsp.get_client_by_id(client_id).initialized end, 50)
vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 50)
result.diagnostics_before = codes()

-- The scripted edit: the goals line now names a goal that does not exist.
for index, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
  if line:match("^goals:") then
    vim.api.nvim_buf_set_lines(0, index - 1, index, false, { "goals: [no-such-goal]" })
    break
  end
end
vim.wait(10000, function()
  for _, d in ipairs(codes()) do if d.code == "goal/unknown" then return true end end
  return false
end, 50)
result.diagnostics_after = codes()

-- Completion after `@` on a new last line.
local last = vim.api.nvim_buf_line_count(0)
vim.api.nvim_buf_set_lines(0, last, last, false, { "- [ ] @" })
local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = last, character = 7 } }
local responses = vim.lsp.buf_request_sync(0, "textDocument/completion", params, 10000) or {}
for _, response in pairs(responses) do
  local items = response.result and (response.result.items or response.result) or {}
  for _, item in ipairs(items) do table.insert(result.completion, item.label) end
end

local handle = io.open(out, "w")
handle:write(vim.fn.json_encode(result))
handle:close()
vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd("qall!")
