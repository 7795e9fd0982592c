import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Modal, Table, Typography } from 'antd';
import type { TReceipt } from '../../api/service.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { useServiceText } from './use-service-text.ts';

/**
 * 收取材料回执 as the visitor takes it home: the court, the number, the case, every item with its
 * pages, who received it and when. Printing shows the receipt alone (service.css).
 */
export function ReceiptModal({ receipt, onClose }: { receipt: TReceipt | null; onClose: () => void }) {
  const text = useServiceText();
  const pages = receipt?.items.reduce((sum, item) => sum + item.pages, 0) ?? 0;
  return (
    <Modal
      open={receipt !== null}
      onCancel={onClose}
      title={text('service.receiptTitle')}
      width={640}
      footer={[
        <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {text('service.print')}
        </Button>,
      ]}
    >
      {receipt ? (
        <div className="service-receipt" data-testid="receipt">
          <Typography.Title level={4} style={{ textAlign: 'center', marginBottom: 4 }}>
            {receipt.courtName}
          </Typography.Title>
          <Typography.Title level={5} style={{ textAlign: 'center', marginTop: 0 }}>
            {text('service.receiptTitle')}
          </Typography.Title>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={text('service.receiptNumber')}>
              <span data-testid="receipt-number">{receipt.receiptNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={text('service.receiptCase')}>
              <span data-testid="receipt-case">{receipt.caseNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={text('service.receiptVisitor')}>
              {receipt.visitorName}
            </Descriptions.Item>
            <Descriptions.Item label={text('service.receiptAt')}>
              {formatDateTime(receipt.receivedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={text('service.receiptBy')}>{receipt.receivedByName}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey={(_, index) => String(index)}
            pagination={false}
            dataSource={receipt.items}
            columns={[
              { title: text('service.itemTitle'), dataIndex: 'title' },
              { title: text('service.pages'), dataIndex: 'pages', width: 80, align: 'right' },
            ]}
            footer={() => text('service.receiptTotal', { count: receipt.items.length, pages })}
          />
          {receipt.note ? (
            <Typography.Paragraph style={{ marginTop: 8 }}>{receipt.note}</Typography.Paragraph>
          ) : null}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {text('service.receiptFoot')}
          </Typography.Paragraph>
        </div>
      ) : null}
    </Modal>
  );
}
