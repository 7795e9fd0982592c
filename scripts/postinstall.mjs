/**
 * After `npm install`: when npm itself runs on a system Node older than 24, it warns EBADENGINE for
 * Zhixing and a few packages. Zhixing never runs on that Node — its scripts use the Node 24 it
 * installs as a dependency (node_modules/.bin/node) — so the warnings are harmless; say so once.
 */
const agent = process.env.npm_config_user_agent ?? '';
const npmNode = /node\/v(\d+)\./.exec(agent)?.[1];
if (npmNode !== undefined && Number(npmNode) < 24) {
  console.log(
    `zhixing: npm ran on Node ${npmNode}; the EBADENGINE warnings above are harmless — npm start and npm test run on the Node 24 installed in node_modules.`,
  );
}
