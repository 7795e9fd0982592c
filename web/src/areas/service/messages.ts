import type {
  TDeputyProposalKind,
  TDeputyProposalState,
  TMeetingSlot,
  TVisitorRole,
  TVisitPurpose,
} from '../../api/service.ts';
import type { Bilingual } from '../../i18n/index.ts';

/** The service window's strings (执行事务中心), Chinese first; kept with its pages, as the field pages do. */
export const serviceMessages = {
  'service.nav': { zh: '执行事务中心', en: 'Service window' },
  'service.navProposals': { zh: '建议提案办理', en: 'Deputies’ proposals' },
  'service.title': { zh: '执行事务中心', en: 'Service window' },
  'service.subtitle': {
    zh: '来访登记、收取材料、答复进度、预约法官，一站式办理',
    en: 'Register visitors, receive materials, answer progress questions, book meetings with the judge',
  },
  'service.register': { zh: '来访登记', en: 'Register a visitor' },
  'service.visitorName': { zh: '来访人姓名', en: 'Visitor’s name' },
  'service.visitorNameRequired': { zh: '请填写来访人姓名', en: 'Enter the visitor’s name' },
  'service.visitorRole': { zh: '来访人身份', en: 'Visitor is' },
  'service.idNumber': { zh: '身份证号', en: 'ID number' },
  'service.phone': { zh: '联系电话', en: 'Phone' },
  'service.purpose': { zh: '来访事项', en: 'Purpose' },
  'service.caseNumber': { zh: '案号', en: 'Case number' },
  'service.caseNumberHint': {
    zh: '如（2026）浙0106执1234号；收取材料、查询进度、约见法官须填写',
    en: 'E.g. （2026）浙0106执1234号; needed to receive materials, answer progress or book a meeting',
  },
  'service.note': { zh: '备注', en: 'Note' },
  'service.submitVisit': { zh: '登记', en: 'Register' },
  'service.registered': { zh: '已登记：{name}', en: 'Registered: {name}' },
  'service.current': { zh: '当前接待', en: 'Now at the counter' },
  'service.noCurrent': {
    zh: '登记来访人，或在下方登记簿中选择一位来访人继续办理。',
    en: 'Register a visitor, or pick one from the log below to carry on.',
  },
  'service.noCase': { zh: '未登记案号', en: 'No case' },
  'service.state.open': { zh: '接待中', en: 'Open' },
  'service.state.closed': { zh: '已结束', en: 'Closed' },
  'service.tab.materials': { zh: '收取材料', en: 'Receive materials' },
  'service.tab.progress': { zh: '答复进度', en: 'Progress' },
  'service.tab.meeting': { zh: '预约法官', en: 'Meet the judge' },
  'service.itemTitle': { zh: '材料名称', en: 'Item' },
  'service.itemTitleRequired': { zh: '请填写材料名称', en: 'Name the item' },
  'service.pages': { zh: '页数', en: 'Pages' },
  'service.addItem': { zh: '添加材料', en: 'Add an item' },
  'service.removeItem': { zh: '删除', en: 'Remove' },
  'service.receive': { zh: '收取并出具回执', en: 'Receive and print the receipt' },
  'service.receiptTitle': { zh: '收取材料回执', en: 'Receipt for materials' },
  'service.receiptNumber': { zh: '回执编号', en: 'Receipt no.' },
  'service.receiptVisitor': { zh: '提交人', en: 'Handed in by' },
  'service.receiptCase': { zh: '案号', en: 'Case' },
  'service.receiptAt': { zh: '收取时间', en: 'Received at' },
  'service.receiptBy': { zh: '经办人', en: 'Received by' },
  'service.receiptTotal': { zh: '共{count}件{pages}页', en: '{count} items, {pages} pages' },
  'service.receiptFoot': {
    zh: '上述材料已归入本案，承办法官可在案件节点中查看。',
    en: 'The materials are filed into the case; its judge sees them on the timeline.',
  },
  'service.print': { zh: '打印回执', en: 'Print the receipt' },
  'service.readProgress': { zh: '查询进度', en: 'Look up the progress' },
  'service.script': { zh: '答复口径', en: 'What to tell the visitor' },
  'service.visitorSeat': { zh: '来访人为本案{seat}', en: 'The visitor is this case’s {seat}' },
  'service.visitorNotParty': {
    zh: '来访人身份证号不是本案当事人，请核实其代理权限后再答复。',
    en: 'The visitor’s ID number is not a party’s: check their authority before answering.',
  },
  'service.status': { zh: '案件状态', en: 'Status' },
  'service.claim': { zh: '申请执行标的', en: 'Claim' },
  'service.recovered': { zh: '已执行到位', en: 'Recovered' },
  'service.seat.applicant': { zh: '申请执行人', en: 'applicant' },
  'service.seat.respondent': { zh: '被执行人', en: 'respondent' },
  'service.meetingOn': { zh: '约见日期', en: 'Date' },
  'service.meetingOnRequired': { zh: '请选择工作日', en: 'Pick a working day' },
  'service.slot': { zh: '时段', en: 'Time' },
  'service.book': { zh: '预约', en: 'Book' },
  'service.booked': { zh: '已预约：{date}{slot}，{judge}', en: 'Booked: {date} {slot}, {judge}' },
  'service.close': { zh: '接待完毕', en: 'Close the visit' },
  'service.closed': { zh: '本次接待已结束', en: 'The visit is closed' },
  'service.log': { zh: '来访登记簿', en: 'The day’s log' },
  'service.arrivedAt': { zh: '到访时间', en: 'Arrived' },
  'service.visitor': { zh: '来访人', en: 'Visitor' },
  'service.handled': { zh: '办理情况', en: 'Done' },
  'service.receipts': { zh: '回执 {count}', en: '{count} receipts' },
  'service.meetings': { zh: '约见 {count}', en: '{count} meetings' },
  'service.select': { zh: '办理', en: 'Open' },
  'service.empty': { zh: '当日无来访', en: 'No visitors this day' },
  'service.stats': { zh: '近30日来访', en: 'Visits, last 30 days' },
  'service.statsTotal': {
    zh: '来访{total}人次，出具回执{receipts}份，预约{meetings}次',
    en: '{total} visits, {receipts} receipts, {meetings} meetings',
  },
  'proposal.title': { zh: '人大代表建议、政协委员提案办理', en: 'Deputies’ suggestions and CPPCC proposals' },
  'proposal.subtitle': {
    zh: '登记、交办、限期答复；经同意的答复在执行信息公开平台公开',
    en: 'Registered, assigned and answered within their period; replies published where agreed',
  },
  'proposal.register': { zh: '登记建议提案', en: 'Register' },
  'proposal.kind': { zh: '类别', en: 'Kind' },
  'proposal.number': { zh: '编号', en: 'Number' },
  'proposal.proposer': { zh: '代表/委员', en: 'Proposer' },
  'proposal.titleField': { zh: '标题', en: 'Title' },
  'proposal.content': { zh: '内容', en: 'Content' },
  'proposal.receivedOn': { zh: '交办日期', en: 'Assigned to the court on' },
  'proposal.replyDays': { zh: '办理期限（日，默认三个月）', en: 'Period in days (three months if empty)' },
  'proposal.required': { zh: '必填', en: 'Required' },
  'proposal.dueOn': { zh: '答复期限', en: 'Due' },
  'proposal.state': { zh: '状态', en: 'State' },
  'proposal.assignee': { zh: '承办人', en: 'Officer' },
  'proposal.late': { zh: '逾期', en: 'Late' },
  'proposal.assign': { zh: '交办', en: 'Assign' },
  'proposal.assignTo': { zh: '交由', en: 'Assign to' },
  'proposal.answer': { zh: '答复', en: 'Answer' },
  'proposal.reply': { zh: '答复意见', en: 'Reply' },
  'proposal.isPublishable': {
    zh: '经代表/委员同意，答复可在执行信息公开平台公开',
    en: 'The proposer agrees: publish the reply',
  },
  'proposal.published': { zh: '公开', en: 'Published' },
  'proposal.withheld': { zh: '不公开', en: 'Not published' },
  'proposal.saved': { zh: '已保存', en: 'Saved' },
  'proposal.empty': { zh: '暂无建议提案', en: 'No proposals' },
} satisfies Record<string, Bilingual>;

export type ServiceMessageKey = keyof typeof serviceMessages;

export const visitorRoleLabels: Readonly<Record<TVisitorRole, Bilingual>> = {
  applicant: { zh: '申请执行人', en: 'Applicant' },
  respondent: { zh: '被执行人', en: 'Respondent' },
  agent: { zh: '代理人', en: 'Agent' },
  lawyer: { zh: '律师', en: 'Lawyer' },
  other: { zh: '其他', en: 'Other' },
};

export const visitPurposeLabels: Readonly<Record<TVisitPurpose, Bilingual>> = {
  materials: { zh: '提交材料', en: 'Hand in materials' },
  progress: { zh: '查询进度', en: 'Ask about progress' },
  meeting: { zh: '约见法官', en: 'Meet the judge' },
  consultation: { zh: '咨询', en: 'Consultation' },
  other: { zh: '其他', en: 'Other' },
};

export const meetingSlotLabels: Readonly<Record<TMeetingSlot, Bilingual>> = {
  am: { zh: '上午', en: 'morning' },
  pm: { zh: '下午', en: 'afternoon' },
};

export const deputyProposalKindLabels: Readonly<Record<TDeputyProposalKind, Bilingual>> = {
  deputySuggestion: { zh: '人大代表建议', en: 'Deputy’s suggestion' },
  committeeProposal: { zh: '政协委员提案', en: 'CPPCC proposal' },
};

export const deputyProposalStateLabels: Readonly<Record<TDeputyProposalState, Bilingual>> = {
  registered: { zh: '待交办', en: 'To assign' },
  assigned: { zh: '办理中', en: 'Being answered' },
  answered: { zh: '已答复', en: 'Answered' },
};
