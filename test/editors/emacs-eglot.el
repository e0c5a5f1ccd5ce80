;;; emacs-eglot.el --- run by test/editors/emacs.test.ts  -*- lexical-binding: t -*-
;; emacs --batch -l emacs-eglot.el (no -Q: Debian's site-start puts elpa-eglot on the load path).
;; Starts the language server through eglot, opens one letter, records the diagnostics the server
;; publishes and those flymake shows, asks for the document symbols, writes JSON to $IMR_OUT.

(require 'eglot)
(require 'json)

(defvar imr-test-server (getenv "IMR_SERVER"))
(defvar imr-test-file (getenv "IMR_FILE"))
(defvar imr-test-out (getenv "IMR_OUT"))
(defvar imr-test-timeout (/ (string-to-number (or (getenv "IMR_TIMEOUT_MS") "15000")) 1000.0))
(defvar imr-test-published nil "The diagnostics vector of the last publish for the letter, or nil.")

(define-derived-mode imr-mode text-mode "IMR" "Major mode for IMR letters (test stand-in).")
(add-to-list 'auto-mode-alist '("\\.imr\\'" . imr-mode))
(add-to-list 'eglot-server-programs `(imr-mode . (,(or (getenv "IMR_NODE") "node") ,imr-test-server "--stdio")))
;; Flymake reports on an idle timer only when this is non-nil; batch Emacs does run timers while
;; it waits in accept-process-output.
(setq flymake-no-changes-timeout 0.1)
(setq eglot-sync-connect t)

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (when (string= (file-truename (eglot--uri-to-path uri)) (file-truename imr-test-file))
    (setq imr-test-published diagnostics)))

(defun imr-test-wait (predicate)
  "Pump process output and timers until PREDICATE holds; nil on timeout."
  (let ((deadline (+ (float-time) imr-test-timeout)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun imr-test-write (object)
  (with-temp-file imr-test-out
    (insert (let ((json-encoding-pretty-print nil)) (json-encode object)))))

(defun imr-test-flymake-entry (diag)
  (let ((lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data diag))))
    (list :line (1- (line-number-at-pos (flymake-diagnostic-beg diag)))
          :type (symbol-name (flymake-diagnostic-type diag))
          :code (plist-get lsp :code))))

(defun imr-test-main ()
  (find-file imr-test-file)
  (unless (eq major-mode 'imr-mode) (error "letter opened in %s, not imr-mode" major-mode))
  ;; What `M-x eglot' does once it has guessed the server for the buffer's mode.
  (apply #'eglot (eglot--guess-contact))
  (unless (eglot-current-server) (error "eglot did not connect"))
  (unless (imr-test-wait (lambda () imr-test-published))
    (error "no textDocument/publishDiagnostics for the letter within %ss" imr-test-timeout))
  ;; What a user sees: flymake's diagnostics in the buffer (may legitimately be none).
  (when (> (length imr-test-published) 0)
    (unless (imr-test-wait (lambda () (flymake-diagnostics)))
      (error "the server published diagnostics but flymake shows none")))
  (let* ((symbols (jsonrpc-request (eglot--current-server-or-lose) :textDocument/documentSymbol
                                   `(:textDocument ,(eglot--TextDocumentIdentifier))
                                   :timeout imr-test-timeout))
         (shown (mapcar #'imr-test-flymake-entry (flymake-diagnostics))))
    (imr-test-write (list :ok t
                          :diagnostics (or imr-test-published [])
                          :shown (vconcat shown)
                          :symbols (or symbols []))))
  (ignore-errors (eglot-shutdown (eglot-current-server))))

(condition-case err
    (progn (imr-test-main) (kill-emacs 0))
  (error
   (ignore-errors (imr-test-write (list :ok :json-false :error (error-message-string err))))
   (kill-emacs 1)))
