import { FileTextOutlined } from '@ant-design/icons';
import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';

/** A document kept for the dossier (decision letter, order, notice), opened in a reader. */
export function CreditLetterButton({ title, text }: { title: string; text: string | null }) {
  const [isOpen, setIsOpen] = useState(false);
  if (!text) return null;
  return (
    <>
      <Button
        size="small"
        type="link"
        icon={<FileTextOutlined />}
        onClick={() => setIsOpen(true)}
        data-testid="credit-letter"
      >
        {title}
      </Button>
      <Modal open={isOpen} title={title} footer={null} onCancel={() => setIsOpen(false)} width={720}>
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', fontFamily: 'serif', fontSize: 15, lineHeight: 1.9 }}
        >
          {text}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
