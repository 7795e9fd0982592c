-- 执行风险提示书 (seed 003 item 19): one per case, issued at filing and served on the applicants.
-- The issuing code checks first under an advisory lock; this index is the last word.
create unique index documents_one_risk_notice on documents.documents (case_id) where template = 'riskNotice';
