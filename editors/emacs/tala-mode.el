;;; tala-mode.el --- Edit tala code and play it in a running tala  -*- lexical-binding: t; -*-

;; A major mode for .tala files. Start tala with `tala song.tala --listen 7770', then
;; C-c C-c evaluates the paragraph at point (or the region), C-c C-h hushes, C-c C-t sets
;; the tempo, C-c C-q shows the status line. Each runs `tala send'; an error is shown
;; in the *tala* buffer (compilation mode: `next-error' goes to FILE:LINE:COL).

;;; Code:

(require 'compile)
(require 'pulse)
(require 'subr-x)

(defgroup tala nil "The tala live-coding language." :group 'languages)

(defcustom tala-program "tala" "The tala program." :type 'string :group 'tala)

(defcustom tala-port (or (getenv "TALA_PORT") "7770")
  "The port of `tala FILE --listen PORT'." :type 'string :group 'tala)

(defconst tala-font-lock-keywords
  `((,(regexp-opt '("play" "tempo" "mix" "bus" "master" "synth" "arrange" "scene" "let"
                    "fn" "if" "else" "return" "import" "samples")
                  'symbols)
     . font-lock-keyword-face)
    ("\\_<\\([a-zA-Z_][a-zA-Z0-9_]*\\)\\s-*=[^=]" 1 font-lock-variable-name-face)
    ("\\.\\([a-zA-Z_][a-zA-Z0-9_]*\\)\\s-*(" 1 font-lock-function-name-face)))

(defvar tala-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?- ". 12" table) ; -- comments
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\' "\"" table)
    (modify-syntax-entry ?` "\"" table)
    (modify-syntax-entry ?_ "_" table)
    table)
  "Syntax table for `tala-mode'.")

(defun tala--send (args &optional text)
  "Run `tala send ARGS' with TEXT (if any) on its stdin; return (OK . OUTPUT)."
  (with-temp-buffer
    (let ((status
           (if text
               (progn
                 (insert text "\n")
                 (apply #'call-process-region (point-min) (point-max) tala-program t t nil
                        "send" "--port" tala-port args))
             (apply #'call-process tala-program nil t nil "send" "--port" tala-port args))))
      (cons (eq status 0) (string-trim (buffer-string))))))

(defun tala--show (result)
  "Say RESULT (OK . TEXT): in the echo area, or the error in the *tala* buffer."
  (if (car result)
      (message "tala: %s" (cdr result))
    (with-current-buffer (get-buffer-create "*tala*")
      (let ((inhibit-read-only t))
        (erase-buffer)
        (insert (cdr result) "\n"))
      (compilation-mode)
      (display-buffer (current-buffer)))
    (message "tala: %s" (car (split-string (cdr result) "\n"))))
  (car result))

(defun tala-eval-region (start end)
  "Evaluate the text from START to END in the running tala."
  (interactive "r")
  (let ((line (line-number-at-pos start))
        (file (or (buffer-file-name) (buffer-name))))
    (pulse-momentary-highlight-region start end)
    (tala--show (tala--send (list "--as" (format "%s:%d" file line) "-")
                            (buffer-substring-no-properties start end)))))

(defun tala-eval-paragraph ()
  "Evaluate the region if active, else the paragraph at point."
  (interactive)
  (if (use-region-p)
      (tala-eval-region (region-beginning) (region-end))
    (if (save-excursion (beginning-of-line) (looking-at-p "[ \t]*$"))
        (message "tala: a blank line, no block here")
      (save-excursion
        (let ((end (progn (forward-paragraph) (point)))
              (start (progn (backward-paragraph) (skip-chars-forward " \t\n") (point))))
          (tala-eval-region start end))))))

(defun tala-hush ()
  "Stop every track."
  (interactive)
  (tala--show (tala--send '("--hush"))))

(defun tala-tempo (bpm)
  "Set the tempo to BPM from the next bar."
  (interactive "nTempo (BPM): ")
  (tala--show (tala--send (list "--tempo" (number-to-string bpm)))))

(defun tala-query ()
  "Show tala's status line."
  (interactive)
  (tala--show (tala--send '("--query"))))

(defvar tala-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "C-c C-c") #'tala-eval-paragraph)
    (define-key map (kbd "C-c C-h") #'tala-hush)
    (define-key map (kbd "C-c C-t") #'tala-tempo)
    (define-key map (kbd "C-c C-q") #'tala-query)
    map)
  "Keys of `tala-mode'.")

;;;###autoload
(define-derived-mode tala-mode prog-mode "tala"
  "Major mode for tala code, played in a running tala (`tala FILE --listen 7770')."
  (setq-local comment-start "-- ")
  (setq-local comment-start-skip "--+\\s-*")
  (setq-local font-lock-defaults '(tala-font-lock-keywords)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.tala\\'" . tala-mode))

(provide 'tala-mode)
;;; tala-mode.el ends here
